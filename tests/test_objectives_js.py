"""Objectives are met only through what practises them (overrides/crs/model.js objectiveStates),
under Node: a lesson marked done ticks unlinked objectives as "lesson done", never as "met"."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(not (NODE and ESBUILD.exists()), reason="needs node and esbuild")

LESSON = {
    "page": "models.md",
    "objectives": ["Linked to a question", "Linked to a prompt and a question", "Not linked"],
    "objective_links": [["q-1"], ["p-1", "q-2"], []],
    "reflections": [{"id": "p-1"}],
    "quizzes": [{"id": "quiz", "questions": ["q-1", "q-2"]}],
}
MODEL = {"lessons": [LESSON]}


def states(tmp_path: Path, stored: dict, status: dict) -> list:
    module = tmp_path / "model.mjs"
    subprocess.run(
        [
            str(ESBUILD),
            str(ROOT / "overrides" / "crs" / "model.js"),
            "--bundle",
            "--format=esm",
            "--platform=neutral",
            f"--outfile={module}",
            "--log-level=error",
        ],
        check=True,
    )
    runner = tmp_path / "run.mjs"
    runner.write_text(
        # model.js reads the page's address as it loads; Node has none.
        'globalThis.location = { href: "http://localhost/" }\n'
        'const { objectiveStates } = await import("./model.mjs")\n'
        f"const stored = {json.dumps(stored)}\n"
        "const get = (kind, id) => stored[`${kind}.${id}`]\n"
        f"console.log(JSON.stringify(objectiveStates({json.dumps(MODEL)}, "
        f"{json.dumps(LESSON)}, {json.dumps(status)}, get)))\n",
        encoding="utf-8",
    )
    out = subprocess.run([NODE, str(runner)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


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
