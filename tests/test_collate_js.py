"""The class summary rules (overrides/crs/collate.js and collate-export.js) under Node: every
file is read or reported, never fatal; duplicates, lateness, completion, scores, most-missed and
both exports. The page and the notebook run this same code, so these are its only rule tests."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import ROOT, needs_node, node_module

STAMP = "2026-11-20T10:00:00.000Z"

pytestmark = needs_node


def _question(qid):
    return {
        "id": qid,
        "prompt": "?",
        "href": "one.html#a",
        "key": f"tutor/index.html#guide-q-{qid}",
    }


OUTLINE = {
    "course": "co-production",
    "version": "abc",
    "title": "Course",
    "site_url": "",
    "prompts": [
        {"id": "p-one", "text": "First?", "lesson": "Lesson one", "href": "one.html#reflect-p-one"},
        {"id": "p-two", "text": "2?", "lesson": "Lesson one", "href": "one.html#reflect-p-two"},
        {"id": "p-three", "text": "Third?", "lesson": "Lesson two", "href": "two.html#r"},
    ],
    "quizzes": [
        {
            "id": "quiz-a",
            "title": "Quiz A",
            "lesson": "Lesson one",
            "questions": [_question("a-1"), _question("a-2")],
        },
        {
            "id": "quiz-b",
            "title": "Quiz B",
            "lesson": "Lesson two",
            "questions": [_question("b-1")],
        },
    ],
}
ASSIGNMENT = {
    "id": "week-1",
    "title": "Week 1",
    "due": "2026-11-20",
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


def file(name: str, data) -> dict:
    return {
        "name": name,
        "text": data if isinstance(data, str) or data is None else json.dumps(data),
    }


@pytest.fixture(scope="module")
def js(tmp_path_factory):
    folder = tmp_path_factory.mktemp("collate")
    run = node_module(ROOT / "overrides" / "crs" / "collate-kit.js", folder, "c")

    def call(function: str, *args):
        # Arguments travel in a file: some are whole submission files, too long for a command.
        (folder / "args.json").write_text(json.dumps(args), encoding="utf-8")
        return run(
            'import { readFileSync } from "node:fs"\n'
            'const args = JSON.parse(readFileSync(new URL("./args.json", import.meta.url)))\n'
            f"process.stdout.write(JSON.stringify(c.{function}(...args)))"
        )

    return call


@pytest.fixture(scope="module")
def klass(js) -> dict:
    files = [
        file("cy.json", export("Cy", {"p-two": "  "}, {"a-1": state(False)})),
        file(
            "ada.json",
            export(
                "Ada", {"p-one": "Yes.", "p-two": "No."}, {"a-1": state(True), "a-2": state(True)}
            ),
        ),
        file(
            "ben.json",
            export(
                "Ben",
                {"p-one": "Maybe so."},
                {"a-1": state(False), "a-2": state(True, revealed=True)},
            ),
        ),
    ]
    return js("collate", files, OUTLINE)


def test_valid_files_are_read_sorted_by_learner(klass):
    assert [row["learner"] for row in klass["learners"]] == ["Ada", "Ben", "Cy"]
    assert {row["assignment"] for row in klass["learners"]} == {"week-1"}
    assert klass["problems"] == []


BAD_FILES = {
    "truncated.json": ('{"format": "crs-workspace", "answers": {', "damaged", "not valid JSON"),
    "empty.json": ("", "damaged", "not valid JSON"),
    "photo.json": (None, "damaged", "not text"),
    "foreign.json": ({"name": "shopping"}, "foreign", "not a workspace export"),
    "list.json": ([1, 2, 3], "foreign", "not a workspace export"),
    "notes.md": ("# My answers", "foreign", "the .json file is the one to collect"),
    "other-course.json": (export("X", {}, {}, course="knitting"), "other-course", "“knitting”"),
    "newer.json": (export("X", {}, {}, schema=7), "newer", "format 7"),
    "bad-answer.json": (
        {**export("X", {}, {}), "answers": {"p-one": {"txt": "no"}}},
        "damaged",
        "“p-one” in “answers” is incomplete",
    ),
    "bad-assignment.json": (export("X", {}, {}, assignment={"title": 3}), "damaged", "no id"),
    "no-date.json": (export("X", {}, {}, exported_at="soon"), "damaged", "exported_at"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_damaged_foreign_or_other_course_file_is_reported_and_skipped(js, name):
    data, kind, reason = BAD_FILES[name]
    summary = js("collate", [file(name, data), file("good.json", export("Ada", {}, {}))], OUTLINE)
    assert [row["learner"] for row in summary["learners"]] == ["Ada"]
    [problem] = summary["problems"]
    assert (problem["file"], problem["kind"]) == (name, kind)
    assert reason in problem["reason"]


def test_the_newest_of_two_submissions_by_one_learner_counts_and_the_older_is_listed(js):
    files = [
        file("a2.json", export("ada ", {"p-one": "new"}, {}, exported_at="2026-11-21T09:00:00Z")),
        file("a1.json", export("Ada", {"p-one": "old"}, {})),
        file("a3.json", export("Ada", {"p-one": "other week"}, {}, assignment=None)),
    ]
    summary = js("collate", files, OUTLINE)
    assert [(r["file"], r["answers"]["p-one"]) for r in summary["learners"]] == [
        ("a3.json", "other week"),  # a whole-course export is another piece of work
        ("a2.json", "new"),
    ]
    [problem] = summary["problems"]
    assert (problem["file"], problem["kind"]) == ("a1.json", "duplicate")
    assert "a2.json" in problem["reason"] and "is used" in problem["reason"]


@pytest.mark.parametrize(
    ("exported_at", "days"),
    [("2026-11-20T23:59:00Z", 0), ("2026-11-21T00:01:00Z", 1), ("2026-11-23T12:00:00Z", 3)],
)
def test_late_counts_whole_days_after_the_due_date(js, exported_at, days):
    summary = js("collate", [file("a.json", export("A", {}, {}, exported_at=exported_at))], OUTLINE)
    assert summary["learners"][0]["daysLate"] == days


def test_counts_only_what_was_asked_and_a_shown_answer_is_not_correct(klass):
    rows = {row["learner"]: row for row in klass["learners"]}
    assert (rows["Ada"]["promptsAnswered"], rows["Ada"]["correct"], rows["Ada"]["score"]) == (
        2,
        2,
        100,
    )
    assert (rows["Ben"]["correct"], rows["Ben"]["answered"], rows["Ben"]["score"]) == (0, 2, 0)
    # a blank answer is no answer
    assert (rows["Cy"]["promptsAnswered"], rows["Cy"]["answered"]) == (0, 1)
    assert rows["Cy"]["results"] == {"a-1": "wrong", "a-2": "unanswered"}
    assert not rows["Ada"]["otherBuild"]


def test_completion_per_prompt_and_question_scores_and_most_missed(klass):
    assert [(p["id"], p["answered"], p["asked"]) for p in klass["prompts"]] == [
        ("p-one", 2, 3),
        ("p-two", 1, 3),
    ]
    assert [(q["id"], q["correct"], q["wrong"], q["unanswered"]) for q in klass["questions"]] == [
        ("a-1", 1, 2, 0),
        ("a-2", 1, 1, 1),
    ]
    assert [band["count"] for band in klass["scores"]] == [2, 0, 0, 0, 1]
    assert [(q["id"], q["quiz"]) for q in klass["mostMissed"]] == [
        ("a-1", "quiz-a"),
        ("a-2", "quiz-a"),
    ]


def test_a_whole_course_export_is_asked_every_prompt_and_question(js):
    data = export("Dee", {"p-three": "Here."}, {"b-1": state(True)}, assignment=None)
    [row] = js("collate", [file("ws.json", data)], OUTLINE)["learners"]
    assert (row["promptsAnswered"], len(row["prompts"]), row["correct"], row["questions"]) == (
        1,
        3,
        1,
        3,
    )
    assert row["assignment"] == "(whole course)" and row["daysLate"] == 0


def test_answers_to_one_prompt_side_by_side_with_word_counts(js, klass):
    assert [(a["learner"], a["text"], a["words"]) for a in js("answersTo", klass, "p-one")] == [
        ("Ada", "Yes.", 1),
        ("Ben", "Maybe so.", 2),
        ("Cy", "", 0),
    ]


def test_markdown_export_reads_prompt_by_prompt(js, klass):
    text = js("toMarkdown", klass, OUTLINE)
    assert "## Prompt p-one" in text and "> First?" in text
    assert text.index("### Ada") < text.index("Yes.") < text.index("### Ben") < text.index("Maybe")
    assert "_No answer._" in text and "| Ada | week-1 |" in text


def test_csv_export_opens_in_spreadsheets_one_row_per_learner(js, klass):
    text = js("toCSV", klass)
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert [r["learner"] for r in rows] == ["Ada", "Ben", "Cy"]
    assert rows[0]["p-one"] == "Yes." and rows[1]["correct"] == "0"
    assert (rows[1]["a-1"], rows[1]["a-2"], rows[2]["a-2"]) == ("wrong", "wrong", "")


def test_csv_quotes_commas_and_lines_and_defuses_formulas(js):
    answer = '=HYPERLINK("x"), then\na new line'
    summary = js("collate", [file("a.json", export("=1+1", {"p-one": answer}, {}))], OUTLINE)
    rows = list(csv.reader(io.StringIO(js("toCSV", summary).removeprefix("\ufeff"), newline="")))
    assert rows[1][0] == "'=1+1" and rows[1][rows[0].index("p-one")] == f"'{answer}"
