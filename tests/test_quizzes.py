"""Quiz files: the course's quizzes load and are grounded; each broken file fails with its message.

The broken corpus (tests/fixtures/quizzes/broken/) holds one file per validation rule; each test
asserts the whole message, file and line included, because that message is the interface.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from crs import grounding, quizzes
from crs.errors import CourseError
from crs.questiontypes import ENTRIES, TYPES, fillin
from crs.questiontypes.base import shuffled_order, stable_key

FILL_IN = ENTRIES["fill-in"]

ROOT = Path(__file__).resolve().parent.parent
QUIZ_DIR = ROOT / "quizzes"
FIXTURES = ROOT / "tests" / "fixtures" / "quizzes"
BROKEN = "tests/fixtures/quizzes/broken"
LESSON_QUIZZES = {
    "definitions",
    "models",
    "levels",
    "opportunities-challenges",
    "reflection-review",
}


@pytest.fixture(autouse=True)
def _from_root(monkeypatch):
    """Errors name paths relative to the working directory, as a build from the root does."""
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def schema() -> dict:
    return quizzes.load_schema(QUIZ_DIR)


@pytest.fixture(scope="module")
def course_quizzes() -> dict:
    return quizzes.load_quizzes(QUIZ_DIR)


def test_schema_is_valid_json_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_closes_every_object_so_misspelt_keys_fail(schema):
    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    found = list(objects(schema))
    assert found
    for node in found:
        if "allOf" in node:
            # The question dispatcher: each type's branch is itself a closed object.
            for branch in node["allOf"]:
                target = branch["then"]["$ref"].rsplit("/", 1)[-1]
                assert schema["$defs"][target]["additionalProperties"] is False, target
            continue
        assert node.get("additionalProperties") is False, node


def test_every_course_quiz_loads_and_is_grounded_in_the_pages(course_quizzes):
    assert set(course_quizzes) == LESSON_QUIZZES
    grounding.check_grounding(course_quizzes, ROOT / "docs")


def test_course_quizzes_cover_every_type_at_least_twice(course_quizzes):
    questions = [q for quiz in course_quizzes.values() for q in quiz.questions]
    assert len(questions) >= 25
    counts = Counter(q.type for q in questions)
    assert {t: counts[t] for t in TYPES if counts[t] < 2} == {}


def test_order_questions_are_never_shown_in_the_correct_order(course_quizzes):
    for quiz in course_quizzes.values():
        for q in quiz.questions:
            if q.type == "order":
                assert shuffled_order(q) != list(q.items), q.id


BROKEN_CASES = {
    "yaml-syntax": (
        7,
        "expected valid YAML, found a syntax error: found unexpected end of stream "
        "(while scanning a quoted scalar that starts here)",
    ),
    "unknown-key": (
        12,
        "question 'bad-key' has an unknown key 'optoins' (did you mean 'options'?); "
        "expected only: id, type, prompt, explanation, source, options",
    ),
    "missing-field": (
        5,
        "question 'bad-missing' of type 'true-false' is missing 'explanation' "
        "(expected Markdown shown once the question is answered)",
    ),
    "unknown-type": (
        6,
        "question 'bad-type' has an unknown type 'essay'; "
        "expected one of: single, multiple, true-false, fill-in, classify, order",
    ),
    "single-two-correct": (
        12,
        "question 'bad-single' of type 'single' needs exactly 1 correct option, "
        "found 2 (options 1 and 2)",
    ),
    "multiple-none-correct": (
        12,
        "question 'bad-multiple' of type 'multiple' needs at least 1 correct option, found 0",
    ),
    "duplicate-option": (
        15,
        "question 'bad-duplicate-option' of type 'single' has the option text 'Citizens' twice "
        "(options 1 and 3); expected each option text once",
    ),
    "duplicate-question-id": (
        14,
        "question id 'same-id' is already used at line 5; "
        "question ids must be unique across the course",
    ),
    "empty-answers": (
        12,
        "question 'bad-answers' of type 'fill-in' needs at least 1 accepted answer, "
        "found an empty list",
    ),
    "blank-answer": (
        12,
        "question 'bad-blank-answer' of type 'fill-in' needs accepted answers with letters or "
        "digits, found '...'",
    ),
    "classify-unknown-category": (
        15,
        "question 'bad-classify' of type 'classify' puts item 2 in category 'Additiv', which is "
        "not in its categories (did you mean 'Additive'?); expected one of: Substitutive, Additive",
    ),
    "order-one-item": (
        13,
        "question 'bad-order' of type 'order' needs at least 2 items, found 1",
    ),
    "id-mismatch": (
        2,
        "expected the quiz id to be the file name 'id-mismatch', found 'not-the-file-name'",
    ),
    "duplicate-key": (8, "expected each key once, found 'prompt' twice"),
    "wrong-value-type": (
        12,
        "'answer' of question 'bad-value' must be true or false, found 'no'",
    ),
}


def test_every_broken_fixture_has_a_case():
    names = {p.stem for p in (FIXTURES / "broken").glob("*.yml")}
    grounding = {"source-page-missing", "source-anchor-missing", "source-quote-missing"}
    assert names == set(BROKEN_CASES) | grounding


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_broken_quiz_fails_with_file_line_and_expectation(name, schema):
    line, message = BROKEN_CASES[name]
    with pytest.raises(CourseError) as caught:
        quizzes.load_quiz(Path(BROKEN) / f"{name}.yml", schema)
    assert str(caught.value) == f"{BROKEN}/{name}.yml:{line}: {message}"


GROUNDING_CASES = {
    "source-page-missing": (
        10,
        "question 'bad-source-page' cites page 'nowhere.md', but golden/nowhere.md does not exist",
    ),
    "source-anchor-missing": (
        10,
        "question 'bad-source-anchor' cites 'page.md#a-method', but that page has no heading "
        "with the anchor 'a-method'; its anchors: a-page, an-approach, the-cuts-scenario, "
        "individual-and-collective",
    ),
    "source-quote-missing": (
        11,
        "question 'bad-source-quote' quotes 'the primary intention is to save money', but that "
        "text does not occur in section '#an-approach' of golden/page.md (lines 7-11)",
    ),
}


@pytest.mark.parametrize("name", sorted(GROUNDING_CASES))
def test_ungrounded_quiz_fails_at_its_source_line(name, schema):
    line, message = GROUNDING_CASES[name]
    quiz = quizzes.load_quiz(Path(BROKEN) / f"{name}.yml", schema)
    with pytest.raises(CourseError) as caught:
        grounding.check_grounding({quiz.id: quiz}, FIXTURES / "golden")
    assert str(caught.value) == f"{BROKEN}/{name}.yml:{line}: {message}"


def test_duplicate_question_id_across_files_names_both(tmp_path):
    for path in (FIXTURES / "duplicate-across").glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(QUIZ_DIR / "schema.json", tmp_path / "schema.json")
    with pytest.raises(CourseError) as caught:
        quizzes.load_quizzes(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path}/second.yml:12: question id 'shared-id' is already used at "
        f"{tmp_path}/first.yml:5; question ids must be unique across the course"
    )


def test_quiz_block_naming_no_quiz_fails_at_the_page_line(schema):
    quiz = quizzes.load_quiz(FIXTURES / "golden" / "single.yml", schema)
    with pytest.raises(CourseError) as caught:
        quizzes.check_usage({"single": quiz}, {"single": ("a.md", 3), "modles": ("docs/b.md", 40)})
    assert str(caught.value) == (
        "docs/b.md:40: quiz block names 'modles', but there is no quiz with that id "
        "(expected a file quizzes/modles.yml); known quizzes: single"
    )


def test_quiz_used_by_no_page_is_a_warning(schema):
    used = quizzes.load_quiz(FIXTURES / "golden" / "single.yml", schema)
    unused = quizzes.load_quiz(FIXTURES / "golden" / "order.yml", schema)
    warnings = quizzes.check_usage({"single": used, "order": unused}, {"single": [("a.md", 3)]})
    assert list(map(str, warnings)) == [
        "tests/fixtures/quizzes/golden/order.yml:1: quiz 'order' is used by no page; "
        "embed it in a lesson with '/// quiz | order' ... '///'"
    ]


def test_schema_file_missing_or_broken_is_a_course_error(tmp_path):
    (tmp_path / "schema.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CourseError, match="schema.json: expected the quiz JSON Schema here"):
        quizzes.load_quizzes(tmp_path)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  The Core Economy!! ", "the core economy"),
        ("“core”", "core"),
        ("co-production.", "co-production"),
        ("Full   co-production", "full co-production"),
        ("...", ""),
        ("CORE\u00a0economy", "core economy"),
    ],
)
def test_fill_in_answers_ignore_case_surrounding_space_and_punctuation(typed, expected):
    assert fillin.normalize_answer(typed) == expected


def test_fill_in_accepts_any_listed_answer(schema):
    quiz = quizzes.load_quiz(FIXTURES / "golden" / "fill-in.yml", schema)
    question = quiz.questions[0]
    assert FILL_IN.grade(question, "Core.")
    assert FILL_IN.grade(question, " the CORE economy ")
    assert not FILL_IN.grade(question, "market")
    assert not FILL_IN.grade(question, "")


def test_headings_get_python_markdown_toc_anchors():
    text = (
        "---\ntitle: x\n---\n\n# Page\n\n## The cuts scenario (substitutive co-production)\n"
        "Here **the** primary [intention](x.md) is to\nsave money.\n\n### Sub\n\ninside\n\n"
        "## Who designs, who delivers: the *co-production* matrix\n\n```\n## not a heading\n```\n"
        "## Page\n\n## Custom {#own-id}\n"
    )
    sections = grounding.page_sections(text)
    assert [s.anchor for s in sections] == [
        "page",
        "the-cuts-scenario-substitutive-co-production",
        "sub",
        "who-designs-who-delivers-the-co-production-matrix",
        "page_1",
        "own-id",
    ]
    cuts = sections[1]
    assert "inside" in cuts.text  # a section runs on through its sub-sections
    assert "the primary intention is to save money" in grounding.normalize_quote(cuts.text)


def test_quote_matching_ignores_emphasis_links_quote_marks_and_case():
    page = 'It takes "a *whole life* focus", said [Community Care](https://x.org).'
    assert grounding.normalize_quote("A whole life focus") in grounding.normalize_quote(page)
    assert grounding.normalize_quote("said community care") in grounding.normalize_quote(page)


def test_option_keys_follow_the_text_so_reordering_keeps_saved_answers(schema):
    quiz = quizzes.load_quiz(FIXTURES / "golden" / "single.yml", schema)
    question = quiz.questions[0]
    reordered = dataclasses.replace(question, options=question.options[::-1])
    _, key = ENTRIES["single"].web(question, str, str)
    _, reordered_key = ENTRIES["single"].web(reordered, str, str)
    assert key["options"] == reordered_key["options"]
    # Saved answers in learners' browsers hold these keys: the derivation must never change.
    assert [stable_key(o.text) for o in question.options] == ["ke2d300e6", "k7541700e"]


def test_schema_is_the_one_published_file():
    """Editors read quizzes/schema.json through the comment at the top of each quiz file."""
    for path in QUIZ_DIR.glob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=schema.json", path.name
    json.loads((QUIZ_DIR / "schema.json").read_text(encoding="utf-8"))
