"""The pure half of overrides/crs/quizzes.js under Node: grading, saved state, and fill-in matching
identical to the Python rule (crs.fillin.normalize_answer) used by the PDF and the tests."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, needs_node, node_module

from crs.questiontypes import fillin

pytestmark = needs_node

SAMPLES = [
    "  The Core Economy!! ",
    "“core”",
    "co-production.",
    "Full   co-production",
    "...",
    "CORE\u00a0economy",
    "Self-organised community provision;",
    "¿Qué?",
    "ﬁll",  # a ligature: NFKC makes it "fill" in both languages
]


def _run(tmp_path: Path, script: str) -> object:
    # The page's half takes crs.js's shared modules from window.crs; the pure half needs none.
    prelude = "globalThis.window = { crs: {} }\n"
    return node_module(ROOT / "overrides" / "crs" / "quizzes.js", tmp_path, "q", prelude)(script)


def test_fill_in_normalisation_is_the_same_in_js_and_python(tmp_path):
    script = f"console.log(JSON.stringify({json.dumps(SAMPLES)}.map(q.normalizeAnswer)))"
    assert _run(tmp_path, script) == [fillin.normalize_answer(s) for s in SAMPLES]


def test_grading_state_and_messages(tmp_path):
    script = """
const single = {type: "single", options: {a: {correct: true}, b: {correct: false}}}
const multiple = {type: "multiple",
                  options: {a: {correct: true}, b: {correct: true}, c: {correct: false}}}
const classify = {type: "classify", categories: {x: "X", y: "Y"},
                  items: {i: {category: "x"}, j: {category: "y"}}}
const order = {type: "order", order: ["p", "q", "r"]}
const fill = {type: "fill-in", answers: ["core", "core economy"]}
const tf = {type: "true-false", answer: false}
const out = {
  single: [q.grade(single, "a").correct, q.grade(single, "b").correct,
           q.grade(single, null).answered],
  multiple: q.verdict("multiple", q.grade(multiple, ["a"])),
  multipleParts: q.grade(multiple, ["a", "c"]).parts,
  multipleMissedVerdict: q.verdict("multiple", q.grade(multiple, ["c"])),
  multipleRight: q.verdict("multiple", q.grade(multiple, ["b", "a"])),
  classify: q.verdict("classify", q.grade(classify, {i: "x", j: "x"})),
  classifyPartial: q.grade(classify, {i: "x"}).answered,
  order: q.verdict("order", q.grade(order, ["q", "p", "r"])),
  fill: [q.grade(fill, " Core Economy. ").correct, q.grade(fill, "").answered],
  tf: [q.grade(tf, false).correct, q.grade(tf, true).correct,
       q.verdict("true-false", q.grade(tf, true))],
  reveal: q.revealed(q.emptyState(), multiple),
  retryAfterReveal: q.retried(q.revealed(q.emptyState(), order)).response,
  restoredBad: q.restoreState(order, {response: ["p", "zzz", "r"], checked: true, attempts: 2}),
  restoredGood: q.restoreState(single, {response: "a", checked: true, correct: false, attempts: 1}),
  score: q.scoreText([{checked: true, correct: true},
                      {checked: true, correct: true, revealed: true}, q.emptyState()]),
}
console.log(JSON.stringify(out))
"""
    out = _run(tmp_path, script)
    assert out["single"] == [True, False, False]
    assert out["multiple"] == "Not quite: 2 of 3 right. 1 correct option not ticked."
    # Each option after Check: ticked and right, ticked but wrong, or right but missed.
    assert out["multipleParts"] == {"a": True, "b": "missed", "c": False}
    assert out["multipleMissedVerdict"] == "Not quite: 0 of 3 right. 2 correct options not ticked."
    assert out["multipleRight"] == "Correct."
    assert out["classify"] == "Not quite: 1 of 2 right."
    assert out["classifyPartial"] is False
    assert out["order"] == "Not quite: 1 of 3 right."
    assert out["fill"] == [True, False]
    assert out["tf"] == [True, False, "Not quite."]
    assert out["reveal"] == {
        "response": ["a", "b"],
        "checked": True,
        "correct": False,
        "revealed": True,
        "attempts": 0,
    }
    assert out["retryAfterReveal"] is None  # a shown answer is not kept to be checked again
    assert out["restoredBad"]["response"] is None and out["restoredBad"]["checked"] is False
    # A saved "correct" is graded again against the current key.
    assert out["restoredGood"]["correct"] is True
    assert out["score"] == "Score: 1 of 3"
