"""scripts/export's command line: formats on request, and bad input stopped with file and line."""

from __future__ import annotations

from conftest import copy_project
from exporthelpers import run_export


def test_one_format_is_written_on_request_and_an_unknown_one_is_refused(tmp_path):
    assert run_export(tmp_path, "gift").returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["co-production.gift.txt"]
    refused = run_export(tmp_path / "other", "pdf")
    assert refused.returncode == 2 and "invalid choice: 'pdf'" in refused.stderr


def test_a_question_moodle_cannot_grade_stops_the_export_at_its_quiz_line(tmp_path):
    project = copy_project(tmp_path / "project")
    quiz = project / "quizzes" / "models.yml"
    text = quiz.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if "id: models-collective-who" in line)
    options_line = lines.index("    options:", start) + 1
    extra = "".join(
        f"      - text: Extra right option {n}\n        correct: true\n        feedback: Yes.\n"
        for n in range(1, 21)
    )
    quiz.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    result = run_export(tmp_path / "dist", "moodle-xml", project=project)
    assert result.returncode == 1
    assert f"quizzes/models.yml:{options_line}: a multiple-answer question" in result.stderr
    assert "found 23" in result.stderr
    assert not (tmp_path / "dist").exists()
