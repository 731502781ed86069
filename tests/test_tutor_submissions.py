"""Collating submissions (crs/submissions.py): every file is read or reported, never fatal; the
summaries and exports the tutor notebook shows; the committed SAMPLE class."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from crs import submissions

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "docs" / "tutor" / "sample-class"
STAMP = "2026-11-20T10:00:00.000Z"

OUTLINE = submissions.outline_from_summary(
    {
        "course": "co-production",
        "lessons": [
            {
                "title": "Lesson one",
                "reflections": [
                    {"id": "p-one", "prompt": "First?"},
                    {"id": "p-two", "prompt": "2?"},
                ],
                "quizzes": [{"id": "quiz-a", "title": "Quiz A", "questions": ["a-1", "a-2"]}],
            },
            {
                "title": "Lesson two",
                "reflections": [{"id": "p-three", "prompt": "Third?"}],
                "quizzes": [{"id": "quiz-b", "title": "Quiz B", "questions": ["b-1"]}],
            },
        ],
    }
)
ASSIGNMENT = {
    "id": "week-1",
    "title": "Week 1",
    "prompts": ["p-one", "p-two"],
    "quizzes": ["quiz-a"],
}


def state(correct: bool, revealed: bool = False) -> dict:
    value = {"response": "x", "checked": True, "correct": correct, "revealed": revealed}
    return {"value": value, "updated": STAMP}


def export(learner: str, answers: dict, quizzes: dict, **extra) -> dict:
    """A submission as the assignment page downloads it; `extra` replaces top-level fields."""
    return {
        "format": "crs-workspace",
        "schema": 1,
        "course": "co-production",
        "version": "abc",
        "exported_at": STAMP,
        "answers": {pid: {"text": t, "updated": STAMP} for pid, t in answers.items()},
        "quizzes": quizzes,
        "pages": {},
        "assignment": ASSIGNMENT,
        "learner": learner,
        **extra,
    }


def write(folder: Path, name: str, data) -> None:
    text = data if isinstance(data, str) else json.dumps(data)
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def klass(tmp_path) -> submissions.Collection:
    write(
        tmp_path,
        "ada.json",
        export("Ada", {"p-one": "Yes.", "p-two": "No."}, {"a-1": state(True), "a-2": state(True)}),
    )
    write(
        tmp_path,
        "ben.json",
        export(
            "Ben", {"p-one": "Maybe."}, {"a-1": state(False), "a-2": state(True, revealed=True)}
        ),
    )
    write(tmp_path, "cy.json", export("Cy", {"p-two": "  "}, {"a-1": state(False)}))
    return submissions.read_folder(tmp_path, OUTLINE)


def test_valid_files_are_read_with_learner_and_assignment(klass):
    assert [s.learner for s in klass.submissions] == ["Ada", "Ben", "Cy"]
    assert {s.assignment_id for s in klass.submissions} == {"week-1"}
    assert klass.problems == []


BAD_FILES = {
    "truncated.json": ('{"format": "crs-workspace", "answers": {', "not valid JSON"),
    "foreign.json": ({"name": "shopping", "items": ["tea"]}, "not a course submission"),
    "list.json": ([1, 2, 3], "not a course submission"),
    "other-course.json": (export("X", {}, {}, course="knitting"), "another course ('knitting'"),
    "newer.json": (export("X", {}, {}, schema=7), "newer format (7"),
    "bad-answer.json": (
        {**export("X", {}, {}), "answers": {"p-one": {"txt": "no"}}},
        "'text' is a required",
    ),
    "bad-assignment.json": (
        export("X", {}, {}, assignment={"title": 3}),
        "'assignment' is damaged",
    ),
    "empty.json": ("", "not valid JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_malformed_or_foreign_file_is_reported_and_skipped(tmp_path, name):
    data, reason = BAD_FILES[name]
    write(tmp_path, name, data)
    write(tmp_path, "good.json", export("Ada", {"p-one": "Yes."}, {}))
    result = submissions.read_folder(tmp_path, OUTLINE)
    assert [s.learner for s in result.submissions] == ["Ada"]
    assert len(result.problems) == 1 and result.problems[0].file == name
    assert reason in result.problems[0].reason


def test_a_binary_file_is_reported_not_fatal(tmp_path):
    (tmp_path / "photo.json").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    result = submissions.read_folder(tmp_path, OUTLINE)
    assert result.submissions == [] and "not a text file" in result.problems[0].reason


def test_a_second_submission_replaces_the_first_and_is_reported(tmp_path):
    write(tmp_path, "a1.json", export("Ada", {"p-one": "old"}, {}))
    write(
        tmp_path, "a2.json", export("ada", {"p-one": "new"}, {}, exported_at="2026-11-21T09:00:00Z")
    )
    result = submissions.read_folder(tmp_path, OUTLINE)
    assert [s.answers["p-one"] for s in result.submissions] == ["new"]
    assert result.problems[0].file == "a1.json" and "a2.json is used" in result.problems[0].reason


def test_who_submitted_counts_only_what_was_asked(klass):
    rows = {r.learner: r for r in submissions.who_submitted(klass)}
    assert (rows["Ada"].prompts_answered, rows["Ada"].prompts_asked) == (2, 2)
    assert (rows["Ada"].correct, rows["Ada"].questions) == (2, 2)
    # a shown answer is not correct; a blank answer is not an answer
    assert (rows["Ben"].correct, rows["Ben"].answered) == (0, 2)
    assert (rows["Cy"].prompts_answered, rows["Cy"].answered) == (0, 1)


def test_completion_scores_and_most_missed(klass):
    assert submissions.completion_per_prompt(klass) == {"p-one": (2, 3), "p-two": (1, 3)}
    assert submissions.score_distribution(klass) == [1.0, 0.0, 0.0]
    missed = submissions.most_missed(klass)
    assert [(m.question, m.wrong, m.unanswered, m.asked) for m in missed] == [
        ("a-1", 2, 0, 3),
        ("a-2", 1, 1, 3),
    ]
    assert missed[0].quiz == "quiz-a"


def test_answers_to_one_prompt_side_by_side(klass):
    assert submissions.answers_to(klass, "p-one") == [
        ("Ada", "Yes."),
        ("Ben", "Maybe."),
        ("Cy", ""),
    ]
    with pytest.raises(KeyError, match="no prompt 'nope'.*p-one"):
        submissions.answers_to(klass, "nope")


def test_a_whole_course_export_is_asked_every_prompt(tmp_path):
    write(
        tmp_path,
        "ws.json",
        export("Dee", {"p-three": "Here."}, {"b-1": state(True)}, assignment=None),
    )
    result = submissions.read_folder(tmp_path, OUTLINE)
    [row] = submissions.who_submitted(result)
    assert (row.prompts_answered, row.prompts_asked, row.correct, row.questions) == (1, 3, 1, 3)
    assert row.assignment == "(whole course)"


def test_markdown_export_puts_answers_side_by_side(klass, tmp_path):
    text = submissions.export(klass, tmp_path / "out.md").read_text(encoding="utf-8")
    assert "## p-one" in text and "> First?" in text
    assert text.index("### Ada") < text.index("Yes.") < text.index("### Ben") < text.index("Maybe.")
    assert "_No answer._" in text and "| Ada | week-1 | 2 | 2 | 2 |" in text


def test_csv_export_has_one_row_per_learner_and_a_column_per_prompt(klass, tmp_path):
    text = submissions.export(klass, tmp_path / "out.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["learner"] for r in rows] == ["Ada", "Ben", "Cy"]
    assert rows[0]["p-one"] == "Yes." and rows[1]["correct"] == "0"
    with pytest.raises(ValueError, match="not 'out.txt'"):
        submissions.export(klass, tmp_path / "out.txt")


def test_the_sample_class_reads_with_exactly_its_two_broken_files_skipped():
    outline = submissions.load_outline(ROOT)
    result = submissions.read_folder(SAMPLE, outline)
    assert len(result.submissions) >= 6
    assert all(s.learner.startswith("SAMPLE ") for s in result.submissions)
    assert sorted(p.file for p in result.problems) == [
        "sample-damaged-file.json",
        "sample-foreign-file.json",
    ]
    # the sample is current: it names only prompts and quizzes the course has
    for sub in result.submissions:
        assert set(sub.assignment["prompts"]) <= set(outline.prompts)
        assert set(sub.assignment["quizzes"]) <= set(outline.quizzes)
        assert set(sub.answers) <= set(outline.prompts)
    assert submissions.most_missed(result)
