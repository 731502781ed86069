"""Assignment links under Node (overrides/crs/assignments.js, the pure half): what encode writes,
decode reads back, and every kind of damage is named while the valid part is kept."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, needs_node, node_module

pytestmark = needs_node

MODEL = {
    "lessons": [
        {
            "reflections": [{"id": "p-one"}, {"id": "p-two"}],
            "quizzes": [{"id": "quiz-a", "questions": ["a-1"]}],
        }
    ]
}
ASSIGNMENT = {
    "id": "week-1",
    "title": "Week 1: “models” & more",
    "due": "2026-12-01",
    "instructions": "Line one.\n\nLine two, with #hash & ampersand = sign.",
    "prompts": ["p-one", "p-two"],
    "quizzes": ["quiz-a"],
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    call = node_module(
        ROOT / "overrides" / "crs" / "assignments.js", tmp_path_factory.mktemp("links"), "a"
    )
    return lambda expression: call(
        f"const MODEL = {json.dumps(MODEL)}\nconsole.log(JSON.stringify({expression}))"
    )


def test_encode_then_decode_gives_the_assignment_back_without_problems(run):
    fragment = run(f"a.encode({json.dumps(ASSIGNMENT)})")
    assert (
        fragment.startswith("v=1&id=week-1&t=Week%201") and "&r=p-one,p-two&q=quiz-a&" in fragment
    )
    assert "#" not in fragment and " " not in fragment
    assert run(f"a.decode('#' + {json.dumps(fragment)}, MODEL)") == {
        "assignment": ASSIGNMENT,
        "problems": [],
    }


def test_an_empty_fragment_is_no_assignment(run):
    assert run("a.decode('', MODEL)") == {"empty": True, "problems": []}


@pytest.mark.parametrize(
    ("edit", "phrase"),
    [
        ("f.replace('p-two', 'p-nine')", "no prompt “p-nine”"),
        ("f.replace('&c=', '&c=0')", "check code does not match"),
        ("f.slice(0, f.indexOf('&q='))", "no check code"),
        ("f.replace('v=1', 'v=3')", "newer version of the course (link format 3"),
        ("f.replace('t=Week', 't=%E0%A4%A')", "Part “t” of the link is damaged"),
        ("f.replace('d=2026-12-01', 'd=tomorrow')", "“tomorrow” is not a date"),
        ("f.replace('r=p-one', 'r=P ONE!')", "“P ONE!” is not a valid prompt id"),
    ],
)
def test_damage_is_named_and_the_rest_kept(run, edit, phrase):
    encoded = f"a.encode({json.dumps(ASSIGNMENT)})"
    result = run(f"(() => {{ const f = {encoded}; return a.decode({edit}, MODEL) }})()")
    assert any(phrase in problem for problem in result["problems"]), result["problems"]
    assert "quiz-a" in result["assignment"]["quizzes"] or "&q=" in edit  # cut before q
    assert result["assignment"]["prompts"]


def test_checksum_matches_the_python_one_used_in_browser_tests(run):
    from test_tutor_browser import checksum

    for text in ["", "v=1&id=a&t=A", "é € 😀"]:
        assert run(f"a.checksum({json.dumps(text)})") == checksum(text)
