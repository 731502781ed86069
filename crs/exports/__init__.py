"""Exports of the course for other systems, all from the one course model.

    docs/*.md + quizzes/*.yml --load_project--> Project --FORMATS[name].write--> dist/<file>

A format is one FORMATS entry: its name (scripts/export --format NAME) and a function that
writes it from the Project into a folder and returns the file it wrote.

Usage: scripts/export [--format NAME ...] [--out dist]   (no --format: every format)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crs import site
from crs.errors import CourseError
from crs.exports import bank as banks
from crs.exports import gift, moodle_xml


@dataclass(frozen=True)
class Project:
    root: Path
    title: str  # the module's title
    state: site.SiteState  # the course, loaded and checked as the build does
    docs_dir: Path

    def bank(self) -> banks.Bank:
        """Every question and reflection prompt, per lesson (the quiz-bank formats' input)."""
        return banks.bank_of(self.state.course, self.title, self.docs_dir)


def load_project(root: Path) -> Project:
    """The course as the build loads it: the one place exports get it from. (When course loading
    needs no MkDocs config, this becomes the build's own loader, in one line.)"""
    from mkdocs.config import load_config

    config = load_config(config_file=str(Path(root) / "mkdocs.yml"))
    return Project(Path(root), config.site_name, site.load(config), Path(config.docs_dir))


def _text_file(suffix: str, render: Callable[[banks.Bank], str]) -> Callable[[Project, Path], Path]:
    def write(project: Project, out_dir: Path) -> Path:
        text = render(project.bank())  # a course error stops here, before any file is touched
        target = Path(out_dir) / f"{site.COURSE_ID}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_text(text, encoding="utf-8", newline="\n")
        partial.replace(target)  # never a half-written file where the last good one was
        return target

    return write


FORMATS: dict[str, Callable[[Project, Path], Path]] = {
    "gift": _text_file(gift.SUFFIX, gift.gift_text),
    "moodle-xml": _text_file(moodle_xml.SUFFIX, moodle_xml.xml_text),
}


def export(root: Path, names: list[str], out_dir: Path) -> list[Path]:
    project = load_project(root)
    return [FORMATS[name](project, out_dir) for name in names]


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
