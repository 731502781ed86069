"""Quiz HTML: golden files per question type, and hostile quiz text rendered inert.

Regenerate the golden files after an intended change with `pytest --update-golden` and review
the diff in git.
"""

from __future__ import annotations

import difflib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from crs import quizzes
from crs.coursetext import CourseText

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "quizzes"
GOLDEN = ROOT / "tests" / "golden"
TYPES = ["single", "multiple", "true-false", "fill-in", "classify", "order"]


@pytest.fixture(scope="module")
def schema() -> dict:
    return quizzes.load_schema(ROOT / "quizzes")


@pytest.mark.parametrize("name", TYPES)
def test_quiz_renders_as_golden_html(name, schema, update_golden):
    quiz = quizzes.load_quiz(FIXTURES / "golden" / f"{name}.yml", schema)
    html = quizzes.render_quiz(quiz, CourseText.default())
    golden = GOLDEN / f"quiz-{name}.html"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
        return
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden"
    expected = golden.read_text(encoding="utf-8")
    if html != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                html.splitlines(keepends=True),
                fromfile=str(golden.relative_to(ROOT)),
                tofile="rendered",
            )
        )
        pytest.fail(f"quiz HTML differs from the golden file (pytest --update-golden):\n{diff}")


class _Collect(HTMLParser):
    """Tags, attributes and text of a rendered quiz."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


def _assert_inert(html: str) -> None:
    parsed = _parse(html)
    for tag, attrs in parsed.tags:
        assert tag not in {"script", "iframe", "svg", "style", "object", "embed"}, (tag, attrs)
        for name, value in attrs.items():
            if name == "data-crs-quiz-key":
                continue  # data for quizzes.js; the HTML in it is checked on its own below
            assert not name.startswith("on"), (tag, name, value)
            assert "javascript:" not in (value or "").lower().replace(" ", ""), (tag, name)


def _texts(value):
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _texts(item)


def test_hostile_quiz_text_ends_up_inert(schema):
    quiz = quizzes.load_quiz(FIXTURES / "xss" / "xss.yml", schema)
    html = quizzes.render_quiz(quiz, CourseText.default())
    _assert_inert(html)
    parsed = _parse(html)
    # The key is a single-quoted attribute that cannot end early: ' < > & are escaped in it.
    raw = re.search(r"data-crs-quiz-key='([^']*)'", html).group(1)
    assert not set("<>&") & set(raw)
    key = json.loads(raw)
    assert parsed.tags[0] == ("form", {**parsed.tags[0][1], "data-crs-quiz-key": raw})
    # Feedback and explanations the script inserts as HTML are inert too. The page carries them
    # packed (one list per question), the very texts of the grading key.
    graded = quizzes.grading_key(quiz, CourseText.default())["questions"]
    for question in graded.values():
        fragments = [question["explanation"], json.dumps(question.get("feedback", ""))]
        fragments += [o["feedback"] for o in question.get("options", {}).values()]
        fragments += [i["feedback"] for i in question.get("items", {}).values()]
        for fragment in fragments:
            _assert_inert(fragment)
    assert set(_texts(key)) <= set(_texts(graded)) and len(key) == len(graded)
    # Nothing is lost: the payloads are shown as text.
    visible = "".join(parsed.text)
    assert '<script>window.crsPwned = "title"</script>Title' in visible
    assert "<img src=x onerror=\"window.crsPwned='option'\">A" in visible


def test_a_page_pipeline_passed_in_is_sanitised_again(schema):
    """render_quiz never trusts the renderer it is given (e.g. a page pipeline with raw HTML)."""
    import markdown

    quiz = quizzes.load_quiz(FIXTURES / "xss" / "xss.yml", schema)
    html = quizzes.render_quiz(quiz, CourseText(lambda text: markdown.markdown(text)))
    _assert_inert(html)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("[a](javascript:alert(1))", "<p><a>a</a></p>"),
        ("[a](https://example.org)", '<p><a href="https://example.org">a</a></p>'),
        ('![i](x.png){onerror="alert(1)"}', '<p><img alt="i" src="x.png"></p>'),
        ("**bold** and ==mark==", "<p><strong>bold</strong> and <mark>mark</mark></p>"),
    ],
)
def test_quiz_markdown_is_rendered_with_raw_html_escaped(source, expected):
    assert CourseText.default().html(source) == expected


def test_answer_keys_are_not_in_visible_text(schema):
    quiz = quizzes.load_quiz(FIXTURES / "golden" / "single.yml", schema)
    visible = "".join(_parse(quizzes.render_quiz(quiz, CourseText.default())).text)
    assert "its aim is to save money" not in visible  # feedback
    assert "hands services over" not in visible  # explanation
    assert "The cuts scenario" in visible  # the option itself is readable without JS


def test_course_text_uses_the_extensions_it_is_given_less_what_cannot_apply():
    """The model builds its text pipeline from mkdocs.yml; what cannot apply to quiz text stays
    out."""
    text = "!!! note\n    Read *this*.\n\n- [x] done"
    before = CourseText.default().html(text)
    page = CourseText.of(["admonition", "pymdownx.tasklist", "toc"], {"toc": {"permalink": True}})
    after = page.html(text)
    assert 'class="admonition note"' in after and 'class="admonition' not in before
    assert "checkbox" not in after  # tasklist left out: no form controls in quiz text
    assert "headerlink" not in page.html("Intro\n\n## A heading")
