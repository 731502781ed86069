"""The pure half of the SCORM runtime (overrides/crs/scorm/) under Node: suspend data round trip
and refusal of foreign data, status words that never downgrade a pass, each question type's
interaction in each version's format, comments and notes for answers that do not fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, needs_node, node_module

from crs.exports import scorm, suspendbudget

pytestmark = needs_node

KEYS = {
    "q-single": {"type": "single", "options": {"ka": {"correct": False}, "kb": {"correct": True}}},
    "q-multi": {
        "type": "multiple",
        "options": {"ka": {"correct": True}, "kb": {"correct": False}, "kc": {"correct": True}},
    },
    "q-tf": {"type": "true-false", "answer": False},
    "q-fill": {"type": "fill-in", "answers": ["core economy", "the core economy"]},
    "q-classify": {
        "type": "classify",
        "categories": {"kx": "X", "ky": "Y"},
        "items": {"k1": {"category": "ky"}, "k2": {"category": "kx"}},
    },
    "q-order": {"type": "order", "order": ["k3", "k1", "k2"]},
}
STATES = {
    "q-single": "kb",
    "q-multi": ["ka", "kb"],
    "q-tf": True,
    "q-fill": "Core economy",
    "q-classify": {"k1": "ky", "k2": "ky"},
    "q-order": ["k1", "k3", "k2"],
}
MODEL = {
    "course": "demo",
    "lessons": [
        {
            "page": "a.md",
            "url": "a.html",
            "title": "A",
            "reflections": [{"id": "r-one", "prompt": "Why?"}, {"id": "r-two", "prompt": "How?"}],
            "quizzes": [{"id": "quiz", "questions": list(KEYS)}],
        }
    ],
}


def run(tmp_path: Path, script: str):
    entry = tmp_path / "entry.js"
    sources = ROOT / "overrides" / "crs" / "scorm"
    entry.write_text(
        "".join(
            f'export * from "{sources / name}"\n'
            for name in ("suspend.js", "record.js", "interactions.js", "lms.js")
        ),
        encoding="utf-8",
    )
    # model.js reads location.href when it loads; Node has no location.
    call = node_module(
        entry, tmp_path, "s", prelude='globalThis.location = { href: "http://x/" }\n'
    )
    return call(
        f"const KEYS = {json.dumps(KEYS)}\nconst STATES = {json.dumps(STATES)}\n"
        f"const MODEL = {json.dumps(MODEL)}\n{script}"
    )


def test_suspend_data_round_trip_keeps_every_answer(tmp_path):
    out = run(
        tmp_path,
        """
const quizzes = Object.fromEntries(Object.entries(STATES).map(([id, response], n) =>
  [id, { response, checked: true, correct: n % 2 === 0, revealed: n === 3, attempts: n }]))
const state = { course: "demo", saved: 1700000000000, quizzes, pages: ["a.md"],
  reflections: { "r-one": "Line one\\nline two, with \\"quotes\\" and ünïcode" },
  slots: { "q-tf": 2, "r-one": 0 } }
const { text, left } = s.encode(state, KEYS, 4096)
console.log(JSON.stringify({ text, left, back: s.decode(text, "demo", KEYS), state }))
""",
    )
    assert out["left"] == []
    assert out["back"] == out["state"]
    assert '"kb"' not in out["text"]  # keys travel as their position in the question's key


def test_reflections_that_do_not_fit_are_left_out_whole_and_reported(tmp_path):
    out = run(
        tmp_path,
        """
const state = { course: "demo", saved: 0, quizzes: {}, pages: [], slots: {},
  reflections: { "r-one": "x".repeat(3000), "r-two": "y".repeat(2000) } }
const { text, left } = s.encode(state, KEYS, 4096)
const back = s.decode(text, "demo", KEYS).reflections
console.log(JSON.stringify({ length: text.length, left, back }))
""",
    )
    assert out["length"] <= 4096
    assert out["left"] == ["r-two"]
    assert out["back"] == {"r-one": "x" * 3000}


DAMAGED = [
    "{not json",
    '{"v":1,"c":"other","q":{},"p":[],"r":{}}',
    '{"v":1,"c":"demo","q":{"a":5},"p":[],"r":{}}',
    "[]",
]


@pytest.mark.parametrize("text", DAMAGED)
def test_damaged_or_foreign_suspend_data_is_refused(tmp_path, text):
    out = run(
        tmp_path,
        f"""
let refused = false
try {{ s.decode({json.dumps(text)}, "demo", KEYS) }} catch {{ refused = true }}
console.log(JSON.stringify(refused))
""",
    )
    assert out is True


def test_status_words_never_downgrade_a_pass(tmp_path):
    out = run(
        tmp_path,
        """
const cases = [
  ["1.2", { raw: 90, complete: true }, [""]],
  ["1.2", { raw: 50, complete: true }, [""]],
  ["1.2", { raw: 90, complete: false }, [""]],
  ["1.2", { raw: 0, complete: false }, ["passed"]],
  ["2004", { raw: 90, complete: true }, ["", ""]],
  ["2004", { raw: 50, complete: true }, ["", ""]],
  ["2004", { raw: 0, complete: false }, ["completed", "passed"]],
]
console.log(JSON.stringify(cases.map(([v, p, prior]) => s.statuses(v, p, 80, prior))))
""",
    )
    assert out == [
        ["passed"],
        ["failed"],
        ["incomplete"],
        ["passed"],
        ["completed", "passed"],
        ["completed", "failed"],
        ["completed", "passed"],
    ]


def test_each_question_type_maps_to_its_interaction_in_both_versions(tmp_path):
    out = run(
        tmp_path,
        """
const out = {}
for (const version of ["1.2", "2004"]) {
  for (const [id, response] of Object.entries(STATES)) {
    const state = { response, checked: true, correct: id === "q-single", revealed: false }
    out[`${version} ${id}`] = s.questionInteraction(id, KEYS[id], state, version, 255)
  }
}
console.log(JSON.stringify(out))
""",
    )
    expected = {
        "q-single": ("choice", ["b"], "b", ["kb"], "kb"),
        "q-multi": ("choice", ["a,c"], "a,b", ["ka[,]kc"], "ka[,]kb"),
        "q-tf": ("true-false", ["f"], "t", ["false"], "true"),
        "q-fill": (
            "fill-in",
            ["core economy", "the core economy"],
            "Core economy",
            ["core economy", "the core economy"],
            "Core economy",
        ),
        "q-classify": (
            "matching",
            ["1.b,2.a"],
            "1.b,2.b",
            ["k1[.]ky[,]k2[.]kx"],
            "k1[.]ky[,]k2[.]ky",
        ),
        "q-order": ("sequencing", ["a,b,c"], "b,a,c", ["k3[,]k1[,]k2"], "k1[,]k3[,]k2"),
    }
    for qid, (kind, p12, r12, p04, r04) in expected.items():
        one, two = out[f"1.2 {qid}"], out[f"2004 {qid}"]
        assert (one["type"], one["patterns"], one["response"]) == (kind, p12, r12), qid
        assert (two["type"], two["patterns"], two["response"]) == (kind, p04, r04), qid
        assert one["result"] == ("correct" if qid == "q-single" else "wrong")
        assert two["result"] == ("correct" if qid == "q-single" else "incorrect")


def test_comments_keep_whole_answers_and_notes_say_what_did_not_fit(tmp_path):
    out = run(
        tmp_path,
        """
const saved = { "r-one": "a".repeat(300), "r-two": "b".repeat(4000) }
const get = (kind, id) => (kind === "reflection" ? saved[id] : undefined)
const comments = s.comments(MODEL, get, 4096)
console.log(JSON.stringify({ comments, notes12: s.notes(MODEL, get, "1.2", comments.left, []),
  notes04: s.notes(MODEL, get, "2004", [], ["r-two"]) }))
""",
    )
    assert out["comments"]["text"] == "[r-one] " + "a" * 300
    assert out["comments"]["left"] == ["r-two"]
    assert "first 255 characters" in out["notes12"]["r-one"][0]
    assert "longer than the LMS keeps" in out["notes12"]["r-two"][0]
    assert "r-one" not in out["notes04"]
    assert "next visit from another device" in out["notes04"]["r-two"][0]


def test_worst_case_suspend_data_fits_scorm_12_with_room_for_reflections(scorm_dist):
    measured = suspendbudget.worst_case(scorm_dist / scorm.VERSIONS["scorm12"].filename)
    assert measured["questions"] >= 30
    # At most 60 % of the budget: the rest is for reflection answers (all of them are also in
    # cmi.comments; the ones that do not fit here are told to the learner).
    assert measured["length"] <= 0.6 * 4096, measured


def test_answers_come_back_from_the_comments_they_were_written_to(tmp_path):
    out = run(
        tmp_path,
        """
const saved = { "r-one": "First answer.\\n\\nIts [r-two] part", "r-two": "Second [x] answer" }
const get = (kind, id) => (kind === "reflection" ? saved[id] : undefined)
const { text } = s.comments(MODEL, get, 4096)
const back = s.parseComments(MODEL, text)
console.log(JSON.stringify({ back, none: s.parseComments(MODEL, "") }))
""",
    )
    assert out["back"] == {
        "r-one": "First answer.\n\nIts [r-two] part",
        "r-two": "Second [x] answer",
    }
    assert out["none"] == {}
