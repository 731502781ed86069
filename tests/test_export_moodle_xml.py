"""scripts/export --format moodle-xml, read with lxml: one category question per lesson, one
<question> per quiz question and reflection prompt, the structure Moodle's importer reads, only
grades from Moodle's list, ordering answers in order, and every special character surviving."""

from __future__ import annotations

import html

import pytest
from exporthelpers import (
    ROOT,
    escaping_bank,
    escaping_quizzes,
    export_files,
    moodle_grade,
    page_text,
    parse_xml,
)

from crs import model
from crs.exports import moodle_xml

MODULE = "Co-production: levels, types and models"  # mkdocs.yml site_name
MOODLE_TYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true-false": "truefalse",
    "fill-in": "shortanswer",
    "classify": "matching",
    "order": "ordering",
}


@pytest.fixture(scope="module")
def state():
    return model.load(ROOT)


@pytest.fixture(scope="module")
def xml_path(tmp_path_factory):
    return export_files(tmp_path_factory.mktemp("exports"))["moodle-xml"]


@pytest.fixture(scope="module")
def root(xml_path):
    return parse_xml(xml_path)


def questions_of(state):
    return [q for quiz in state.course.quizzes.values() for q in quiz.questions]


TEXT = page_text()


def block(text: str) -> str:
    return str(TEXT.block(text)).strip()


def inline(text: str) -> str:
    return str(TEXT.inline(text))


def test_a_category_per_lesson_then_its_questions_and_essays(state, root):
    assert root.tag == "quiz"
    expected = []
    for page in state.course.pages:
        if not (page.reflections or page.quiz_uses):
            continue
        expected.append(("category", f"$course$/top/{MODULE}/{page.title}"))
        questions = [q for quiz in state.course.quizzes_of(page) for q in quiz.questions]
        expected += [(MOODLE_TYPES[q.type], q.id) for q in questions]
        expected += [("essay", r.id) for r in page.reflections]
    found = [
        (e.get("type"), e.findtext("category/text") or e.findtext("idnumber"))
        for e in root.iterchildren("question")
    ]
    assert found == expected
    questions = sum(len(quiz.questions) for quiz in state.course.quizzes.values())
    assert len(found) == questions + len(state.course.reflections) + 5


def test_every_question_has_name_idnumber_html_texts_and_general_feedback(state, root, xml_path):
    raw = xml_path.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    raw.decode("utf-8")
    by_id = {e.findtext("idnumber"): e for e in root.iter("question")}
    for q in questions_of(state):
        e = by_id[q.id]
        assert e.findtext("name/text") == q.id
        assert e.find("questiontext").get("format") == "html"
        assert e.findtext("questiontext/text") == inline(q.prompt)
        general = e.findtext("generalfeedback/text")
        assert general.startswith(block(q.explanation)) and "<p>Source: " in general
    questions = sum(len(quiz.questions) for quiz in state.course.quizzes.values())
    expected = questions + len(state.course.reflections)
    assert raw.count(b'<questiontext format="html">\n      <text><![CDATA[') == expected


def test_grades_come_from_moodles_list(state, root):
    by_id = {e.findtext("idnumber"): e for e in root.iter("question")}
    for q in questions_of(state):
        e = by_id[q.id]
        if e.get("type") in ("ordering", "matching"):
            continue  # matching has no graded answers; ordering's fractions are positions
        fractions = [float(a.get("fraction")) for a in e.findall("answer")]
        assert fractions and all(moodle_grade(f) for f in fractions), q.id
        if q.type == "multiple":
            assert e.findtext("single") == "false"
            assert [f > 0 for f in fractions] == [o.correct for o in q.options]
            assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=1e-3)
        if q.type == "single":
            assert e.findtext("single") == "true" and fractions.count(100) == 1


def test_each_answer_carries_its_feedback(state, root):
    by_id = {e.findtext("idnumber"): e for e in root.iter("question")}
    for q in questions_of(state):
        e = by_id[q.id]
        feedback = [a.findtext("feedback/text") for a in e.findall("answer")]
        if q.options:
            assert feedback == [block(o.feedback) for o in q.options]
        if q.type == "true-false":
            texts = [a.findtext("text") for a in e.findall("answer")]
            assert texts == ["true", "false"]
            assert feedback == [block(q.feedback["true"]), block(q.feedback["false"])]
        if q.type == "fill-in":
            assert e.findtext("usecase") == "0"
            assert (
                feedback[-1] == block(q.feedback)
                and e.findall("answer")[-1].findtext("text") == "*"
            )


def test_ordering_lists_items_in_order_and_classify_repeats_categories(state, root):
    by_id = {e.findtext("idnumber"): e for e in root.iter("question")}
    for q in questions_of(state):
        e = by_id[q.id]
        if q.type == "order":
            answers = e.findall("answer")
            assert [a.findtext("text") for a in answers] == [inline(i.text) for i in q.items]
            assert [a.get("fraction") for a in answers] == [
                str(n) for n in range(1, len(q.items) + 1)
            ]
            assert e.findtext("selecttype") == "ALL"
            assert e.findtext("selectcount") == str(len(q.items))
            assert e.findtext("layouttype") == "VERTICAL"
            assert e.findtext("gradingtype") == "ABSOLUTE_POSITION"
        if q.type == "classify":
            pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in e.iter("subquestion")]
            assert pairs == [(inline(i.text), i.category) for i in q.items]  # categories repeat
            for item in q.items:  # matching has no per-pair feedback: it is listed instead
                assert inline(item.feedback) in e.findtext("generalfeedback/text")


def test_every_reflection_prompt_is_an_essay_with_its_guidance(state, root):
    by_id = {e.findtext("idnumber"): e for e in root.iter("question")}
    for prompt in state.course.reflections:
        e = by_id[prompt.id]
        assert e.get("type") == "essay"
        assert e.findtext("responseformat") == "editor"
        assert e.findtext("responserequired") == "1"
        assert int(e.findtext("responsefieldlines")) >= 5
        assert e.findtext("questiontext/text").startswith(block(prompt.prompt))
        if prompt.guidance:
            assert prompt.guidance in html.unescape(e.findtext("graderinfo/text"))
            assert prompt.guidance in html.unescape(e.findtext("questiontext/text"))


def test_escaping_fixture_round_trips(tmp_path):
    target = tmp_path / "escaping.moodle.xml"
    target.write_text(moodle_xml.xml_text(escaping_bank()), encoding="utf-8")
    root = parse_xml(target)
    quiz = escaping_quizzes()["escaping"]
    category = root.find("question").findtext("category/text")
    assert category == "$course$/top/Escaping // module: ~ = # {a} \\ “Ünïcode”/" + quiz.title
    by_id = {e.findtext("idnumber"): e for e in root.iter("question")}
    for q in quiz.questions:
        e = by_id[q.id]
        assert e.findtext("questiontext/text") == inline(q.prompt)
        assert e.findtext("generalfeedback/text").startswith(block(q.explanation))
        if q.options:
            assert [
                (a.findtext("text"), a.findtext("feedback/text")) for a in e.findall("answer")
            ] == [(inline(o.text), block(o.feedback)) for o in q.options]
        if q.type == "fill-in":
            texts = [a.findtext("text") for a in e.findall("answer")]
            assert texts == [a.replace("*", "\\*") for a in q.answers] + ["*"]
        if q.type == "classify":
            answers = [s.findtext("answer/text") for s in e.iter("subquestion")]
            assert answers == [i.category for i in q.items]


def test_cdata_is_split_where_html_holds_its_end_marker():
    assert moodle_xml.cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"
