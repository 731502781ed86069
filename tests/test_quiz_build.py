"""Real strict builds with a quiz broken on purpose: the build stops with the file, line and what
was expected, before MkDocs cleans site/, so the last good site stays as it was."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import copy_project, mkdocs_build


def _good_site(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "site"
    first = mkdocs_build(project, out)
    assert first.returncode == 0, first.stderr
    before = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return project, out, before


def _unchanged(out: Path, before: dict[str, bytes]) -> bool:
    after = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return after == before


def test_broken_quiz_stops_the_build_and_keeps_the_last_site(tmp_path):
    project, out, before = _good_site(tmp_path)
    quiz = project / "quizzes" / "levels.yml"
    text = quiz.read_text(encoding="utf-8")
    option = "      - text: Staff and residents build trust and respect on both sides\n"
    broken = text.replace(option + "        correct: true", option + "        corect: true")
    assert broken != text
    quiz.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("        corect: true") + 1

    result = mkdocs_build(project, out)

    assert result.returncode != 0
    assert (
        f"quizzes/levels.yml:{line}: option 5 of question 'levels-transformation-needs' has an "
        "unknown key 'corect' (did you mean 'correct'?)"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert _unchanged(out, before)


def test_quiz_block_naming_no_quiz_stops_the_build_at_the_page_line(tmp_path):
    project, out, before = _good_site(tmp_path)
    page = project / "docs" / "models.md"
    text = page.read_text(encoding="utf-8").replace("/// quiz | models", "/// quiz | modles")
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("/// quiz | modles") + 1

    result = mkdocs_build(project, out)

    assert result.returncode != 0
    assert re.search(
        rf"models\.md:{line}: quiz block names 'modles', but there is no quiz with that id",
        result.stderr,
    ), result.stderr
    assert _unchanged(out, before)


def test_ungrounded_answer_key_stops_the_build(tmp_path):
    project, out, before = _good_site(tmp_path)
    quiz = project / "quizzes" / "models.yml"
    text = quiz.read_text(encoding="utf-8")
    quote = "      quote: from passive recipients into active shapers of public services"
    assert quote in text
    wrong = "      quote: from passive recipients into active makers of public services"
    text = text.replace(quote, wrong)
    quiz.write_text(text, encoding="utf-8")
    line = text.splitlines().index(wrong) + 1

    result = mkdocs_build(project, out)

    assert result.returncode != 0
    assert (
        f"quizzes/models.yml:{line}: question 'models-active-shapers' quotes 'from passive "
        "recipients into active makers of public services', but that text does not occur in "
        "section '#from-passive-recipients-to-active-shapers' of docs/models.md"
    ) in result.stderr
    assert _unchanged(out, before)


def test_quiz_used_by_no_page_stops_a_strict_build_and_keeps_the_last_site(tmp_path):
    project, out, before = _good_site(tmp_path)
    page = project / "docs" / "reflection.md"
    text = page.read_text(encoding="utf-8")
    assert "/// quiz | reflection-review\n///" in text
    page.write_text(text.replace("/// quiz | reflection-review\n///", ""), encoding="utf-8")

    result = mkdocs_build(project, out)

    assert result.returncode != 0
    assert (
        "quizzes/reflection-review.yml:1: quiz 'reflection-review' is used by no page; "
        "embed it in a lesson with '/// quiz | reflection-review' ... '///'"
    ) in result.stderr
    assert _unchanged(out, before)
