"""Shared by the export tests: run scripts/export's entry, read its files back with independent
parsers (gift-pegjs under Node, lxml), and the course they must match."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from crs import quizzes
from crs.coursetext import CourseText
from crs.exports import bank
from crs.project import read_project

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
GIFT_PARSER = ROOT / "tests" / "gift_parse.cjs"
needs_gift_parser = pytest.mark.skipif(
    not (NODE and (ROOT / "node_modules" / "gift-pegjs").is_dir()),
    reason="needs node and gift-pegjs (npm ci)",
)
ESCAPING_DIR = ROOT / "tests" / "fixtures" / "quizzes" / "escaping"
ESCAPING_TITLE = "Escaping / module: ~ = # {a} \\ “Ünïcode”"


def run_export(out_dir: Path, *formats: str, project: Path = ROOT) -> subprocess.CompletedProcess:
    """What scripts/export runs, from the project's root, into out_dir."""
    options = [item for name in formats for item in ("--format", name)]
    return subprocess.run(
        [sys.executable, "-m", "crs.exports", *options, "--out", str(out_dir)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )


def export_files(out_dir: Path) -> dict[str, Path]:
    result = run_export(out_dir)
    assert result.returncode == 0, result.stderr
    return {
        "gift": out_dir / "co-production.gift.txt",
        "moodle-xml": out_dir / "co-production.moodle.xml",
    }


def parse_gift(path: Path) -> list[dict]:
    """gift-pegjs's reading of a GIFT file; fails the test with its line on a syntax error."""
    result = subprocess.run([NODE, str(GIFT_PARSER), str(path)], capture_output=True, text=True)
    data = json.loads(result.stdout)
    if result.returncode:
        pytest.fail(f"gift-pegjs: {path}:{data['line']}:{data['column']}: {data['error']}")
    return data


def parse_xml(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(strip_cdata=False)).getroot()


def escaping_quizzes() -> dict[str, quizzes.Quiz]:
    return quizzes.load_quizzes(ESCAPING_DIR, quizzes.load_schema(ROOT / "quizzes"))


def escaping_bank() -> bank.Bank:
    return bank.bank_of_quizzes(ESCAPING_TITLE, escaping_quizzes().values(), page_text())


def course_quizzes() -> dict[str, quizzes.Quiz]:
    """The course's quizzes, as the export reads them."""
    return quizzes.load_quizzes(ROOT / "quizzes")


def page_text() -> CourseText:
    """Course text rendered as the export renders it: the page pipeline of mkdocs.yml."""
    project = read_project(ROOT)
    return CourseText.of(project.extensions, project.extension_configs)


def moodle_grade(value: float) -> bool:
    """Whether a percent grade is one Moodle accepts (its list, within 1e-5 as a fraction)."""
    return any(abs(abs(value) - float(grade)) < 1e-3 for grade in bank.GRADES)


# gift-pegjs 1.0.2 leaves its escape placeholders in the right side of matching pairs, where
# Moodle's importer turns them back into the characters (its escapedchar_post).
_PLACEHOLDERS = {
    "&&058;": ":",
    "&&035;": "#",
    "&&061;": "=",
    "&&123;": "{",
    "&&125;": "}",
    "&&126;": "~",
    "&&092;": "\\",
    "&&010": "\n",
}


def matching_answer(text: str) -> str:
    for placeholder, char in _PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text
