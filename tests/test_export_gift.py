"""scripts/export --format gift: the whole file parses with gift-pegjs, holds every question and
reflection prompt in its lesson's category, with Moodle's grades, both true/false feedbacks,
general feedback naming the source, and every special character surviving."""

from __future__ import annotations

import html
import re

import pytest
from exporthelpers import (
    ROOT,
    escaping_bank,
    escaping_quizzes,
    export_files,
    matching_answer,
    moodle_grade,
    needs_gift_parser,
    page_text,
    parse_gift,
)

from crs import model
from crs.errors import CourseError
from crs.exports import bank, gift

pytestmark = needs_gift_parser

GIFT_TYPES = {
    "single": "MC",
    "multiple": "MC",
    "true-false": "TF",
    "fill-in": "Short",
    "classify": "Matching",
    "order": "Matching",
}


@pytest.fixture(scope="module")
def state():
    return model.load(ROOT)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return export_files(tmp_path_factory.mktemp("exports"))


@pytest.fixture(scope="module")
def parsed(files):
    return parse_gift(files["gift"])


TEXT = page_text()


def block(text: str) -> str:
    return str(TEXT.block(text)).strip()


def inline(text: str) -> str:
    return str(TEXT.inline(text))


def test_every_question_and_prompt_is_in_its_lessons_category(state, parsed):
    expected = []
    for page in state.course.pages:
        category = f"$course$/top/Co-production: levels, types and models/{page.title}"
        items = [
            (category, q.id, GIFT_TYPES[q.type])
            for quiz in state.course.quizzes_of(page)
            for q in quiz.questions
        ]
        items += [(category, r.id, "Essay") for r in page.reflections]
        expected += items
    found, category = [], None
    for item in parsed:
        if item["type"] == "Category":
            category = item["title"]
            continue
        assert item["id"] == item["title"], "each question carries // [id:<its id>]"
        found.append((category, item["title"], item["type"]))
    assert found == expected
    questions = sum(len(quiz.questions) for quiz in state.course.quizzes.values())
    assert sum(t != "Essay" for _, _, t in found) == questions == 34
    assert [t for _, _, t in found].count("Essay") == len(state.course.reflections) == 7


def test_multiple_answer_weights_are_moodle_grades_that_cannot_be_gamed(state, parsed):
    by_id = {q["title"]: q for q in parsed}
    multiples = [q for quiz in state.course.quizzes.values() for q in quiz.questions]
    multiples = [q for q in multiples if q.type == "multiple"]
    assert multiples
    for q in multiples:
        weights = [c["weight"] for c in by_id[q.id]["choices"]]
        assert all(moodle_grade(w) for w in weights), q.id
        assert [w > 0 for w in weights] == [o.correct for o in q.options], q.id
        assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=1e-3)
        if not all(o.correct for o in q.options):  # ticking every box scores nothing
            assert sum(weights) <= 1e-3, q.id


def test_true_false_keeps_both_feedbacks_and_every_question_its_explanation(state, parsed):
    by_id = {q["title"]: q for q in parsed}
    for quiz in state.course.quizzes.values():
        for q in quiz.questions:
            found = by_id[q.id]
            general = found["globalFeedback"]["text"]
            assert general.startswith(block(q.explanation)), q.id
            assert re.search(r"<p>Source: .+, section “.+”</p>$", general), q.id
            if q.type == "true-false":
                # gift-pegjs lists them in source order: for a wrong answer, then a right one.
                right, wrong = ("true", "false") if q.answer else ("false", "true")
                assert found["trueFeedback"]["text"] == block(q.feedback[wrong])
                assert found["falseFeedback"]["text"] == block(q.feedback[right])
            if q.type == "fill-in":
                catch_all = [c for c in found["choices"] if c["weight"] == 0]
                assert [c["text"]["text"] for c in catch_all] == ["*"]
                assert catch_all[0]["feedback"]["text"] == block(q.feedback)


def test_source_names_the_lesson_and_section(parsed):
    general = {q["title"]: q.get("globalFeedback") for q in parsed}["models-scenarios"]["text"]
    assert general.endswith(
        "<p>Source: Models of co-production, section “Substitutive and additive co-production”</p>"
    )


def test_order_questions_say_that_gift_has_no_ordering_type(state, files):
    text = files["gift"].read_text(encoding="utf-8")
    questions = [q for quiz in state.course.quizzes.values() for q in quiz.questions]
    orders = [q.id for q in questions if q.type == "order"]
    assert len(orders) == 2
    for qid in orders:
        comment = re.search(rf"// \[id:{qid}\]\n// (.*)\n::{qid}::", text)
        assert comment and "GIFT has no core ordering type" in comment.group(1)


def test_two_exports_are_byte_identical(tmp_path, files):
    again = export_files(tmp_path)
    for name, path in files.items():
        assert again[name].read_bytes() == path.read_bytes(), name


def test_escaping_fixture_round_trips(tmp_path):
    target = tmp_path / "escaping.gift.txt"
    target.write_text(gift.gift_text(escaping_bank()), encoding="utf-8")
    parsed = parse_gift(target)
    quiz = escaping_quizzes()["escaping"]
    assert parsed[0] == {
        "type": "Category",
        "title": "$course$/top/Escaping // module: ~ = # {a} \\ “Ünïcode”/" + quiz.title,
    }
    by_id = {q["title"]: q for q in parsed[1:]}
    for q in quiz.questions:
        found = by_id[q.id]
        assert found["stem"]["text"] == inline(q.prompt)
        assert found["globalFeedback"]["text"].startswith(block(q.explanation))
        if q.options:
            assert [(c["text"]["text"], c["feedback"]["text"]) for c in found["choices"]] == [
                (inline(o.text), block(o.feedback)) for o in q.options
            ]
        if q.type == "fill-in":
            answers = [c["text"]["text"] for c in found["choices"] if c["weight"] is None]
            assert answers == [a.replace("*", "\\*") for a in q.answers]
        if q.items:
            pairs = [
                (m["subquestion"]["text"], matching_answer(m["subanswer"]))
                for m in found["matchPairs"]
            ]
            labels = (
                [i.category for i in q.items] if q.type == "classify" else ["1st", "2nd", "3rd"]
            )
            assert pairs == list(zip([inline(i.text) for i in q.items], labels, strict=True))
    visible = html.unescape(re.sub(r"<[^>]+>", "", by_id["escaping-single"]["stem"]["text"]))
    assert visible == (
        "Pick a ~ b = c, #1 {x} at C:\\path\\to — \"double\", 'single', <b>not bold</b>, "
        "café ✓ 日本語"
    )


@pytest.mark.parametrize("count", range(1, 21))
def test_any_split_of_up_to_20_options_uses_moodle_grades(count):
    grades = bank.weights([True] * count + [False] * count, "quizzes/x.yml", 3)
    assert all(moodle_grade(float(g)) for g in grades)
    assert sum(float(g) for g in grades[:count]) == pytest.approx(100, abs=1e-3)
    assert sum(float(g) for g in grades[count:]) == pytest.approx(-100, abs=1e-3)


def test_more_options_than_moodle_can_grade_names_the_quiz_line():
    with pytest.raises(CourseError) as error:
        bank.weights([True] * 21 + [False], "quizzes/big.yml", 12)
    assert str(error.value).startswith("quizzes/big.yml:12: a multiple-answer question")
    assert "found 21" in str(error.value)


def test_ordinals():
    labels = [bank.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)]
    assert labels == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"
    ]  # fmt: skip
