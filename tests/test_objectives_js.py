"""Objectives are met only through what practises them (overrides/crs/model.js objectiveStates),
under Node: a lesson marked done ticks unlinked objectives as "lesson done", never as "met"."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, needs_node, node_module

pytestmark = needs_node

LESSON = {
    "page": "models.md",
    "objectives": ["Linked to a question", "Linked to a prompt and a question", "Not linked"],
    "objective_links": [["q-1"], ["p-1", "q-2"], []],
    "reflections": [{"id": "p-1"}],
    "quizzes": [{"id": "quiz", "questions": ["q-1", "q-2"]}],
}
MODEL = {"lessons": [LESSON]}


def states(tmp_path: Path, stored: dict, status: dict) -> list:
    run = node_module(
        ROOT / "overrides" / "crs" / "model.js",
        tmp_path,
        "model",
        # model.js reads the page's address as it loads; Node has none.
        prelude='globalThis.location = { href: "http://localhost/" }\n',
    )
    return run(
        f"const stored = {json.dumps(stored)}\n"
        "const get = (kind, id) => stored[`${kind}.${id}`]\n"
        f"console.log(JSON.stringify(model.objectiveStates({json.dumps(MODEL)}, "
        f"{json.dumps(LESSON)}, {json.dumps(status)}, get)))"
    )


def test_marking_a_lesson_done_meets_no_linked_objective(tmp_path):
    assert states(tmp_path, {}, {"done": True}) == [None, None, "lesson done"]


def test_an_objective_is_met_when_its_questions_are_right_and_prompts_written(tmp_path):
    right = {"checked": True, "correct": True}
    stored = {"quiz.q-1": right, "quiz.q-2": right, "reflection.p-1": "My answer"}
    assert states(tmp_path, stored, {"done": False}) == ["met", "met", None]


def test_a_wrong_or_shown_answer_or_an_empty_prompt_does_not_meet_it(tmp_path):
    stored = {
        "quiz.q-1": {"checked": True, "correct": True, "revealed": True},
        "quiz.q-2": {"checked": True, "correct": True},
        "reflection.p-1": "   ",
    }
    assert states(tmp_path, stored, {"done": True}) == [None, None, "lesson done"]


def test_a_pages_course_detail_merges_over_the_core_lesson_by_lesson(tmp_path):
    """model.js withDetail: the core every page carries, with a page's detail (crs.coursedata
    COURSE_DETAIL) over it; without a detail the core stays as it is."""
    core = {"course": "c", "version": "v", "lessons": [{"page": "a.md"}, {"page": "b.md"}]}
    detail = {"lessons": [{"title": "A"}, {"title": "B"}]}
    run = node_module(
        ROOT / "overrides" / "crs" / "model.js",
        tmp_path,
        "model",
        prelude='globalThis.location = { href: "http://localhost/" }\n',
    )
    merged, alone = run(
        f"console.log(JSON.stringify([model.withDetail({json.dumps(core)}, {json.dumps(detail)}),"
        f" model.withDetail({json.dumps(core)}, null)]))"
    )
    assert merged == {
        **core,
        "lessons": [{"page": "a.md", "title": "A"}, {"page": "b.md", "title": "B"}],
    }
    assert alone == core
