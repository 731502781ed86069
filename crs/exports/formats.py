"""Exports of the course for other systems, all from the one course model.

    docs/*.md + quizzes/*.yml --crs.model.load--> CourseModel --FORMATS[name]--> dist/<file>

A format is one FORMATS entry: its name (scripts/export --format NAME) and a function that
writes it from the course model into a folder and returns the file it wrote.

Usage: scripts/export [--format NAME ...] [--out dist]   (no --format: every format)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from crs import model
from crs.errors import CourseError
from crs.exports import bank as banks
from crs.exports import gift, moodle_xml, scorm


def bank_of(course: model.CourseModel) -> banks.Bank:
    """Every question and reflection prompt, per lesson (the quiz-bank formats' input)."""
    return banks.bank_of(course.course, course.project.title, course.project.docs, course.text)


def _text_file(
    suffix: str, render: Callable[[banks.Bank], str]
) -> Callable[[model.CourseModel, Path], Path]:
    def write(course: model.CourseModel, out_dir: Path) -> Path:
        text = render(bank_of(course))  # a course error stops here, before any file is touched
        target = Path(out_dir) / f"{model.COURSE_ID}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_text(text, encoding="utf-8", newline="\n")
        partial.replace(target)  # never a half-written file where the last good one was
        return target

    return write


FORMATS: dict[str, Callable[[model.CourseModel, Path], Path]] = {
    "gift": _text_file(gift.SUFFIX, gift.gift_text),
    "moodle-xml": _text_file(moodle_xml.SUFFIX, moodle_xml.xml_text),
    "scorm12": scorm.writer("scorm12"),
    "scorm2004": scorm.writer("scorm2004"),
}


def export(root: Path, names: list[str], out_dir: Path) -> list[Path]:
    course = model.load(root)
    return [FORMATS[name](course, out_dir) for name in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/export", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--format",
        action="append",
        choices=sorted(FORMATS),
        help="a format to write (repeatable); every format when left out",
    )
    parser.add_argument("--out", type=Path, default=Path("dist"), help="folder (default: dist)")
    args = parser.parse_args(argv)
    try:
        written = export(Path.cwd(), args.format or list(FORMATS), args.out)
    except CourseError as error:
        print(f"crs: export failed: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"crs: wrote {path}", file=sys.stderr)
    return 0
