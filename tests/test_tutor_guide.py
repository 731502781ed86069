"""The tutor guide is rendered from the course model: every prompt id, every question's key and
every instructor note, taken from data; notes never reach learner pages; tutor code and styles
load only on tutor pages."""

from __future__ import annotations

import html
import json
import re

import pytest
from conftest import ROOT, copy_project, mkdocs_build

from crs import course, model, tutor
from crs.grounding import normalize_quote


def text_of(page_html: str) -> str:
    """Visible words of a page, normalised like quiz quotes (case, spacing, marks)."""
    body = re.sub(r"<script\b.*?</script>", " ", page_html, flags=re.S)
    return normalize_quote(html.unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture(scope="session")
def the_course() -> course.Course:
    """The course as the build reads it (nav order, quizzes loaded and checked)."""
    return model.load(ROOT).course


@pytest.fixture(scope="session")
def guide(site_dir) -> str:
    return (site_dir / "tutor" / "index.html").read_text(encoding="utf-8")


def test_guide_lists_every_prompt_with_its_id_and_link(the_course, guide):
    assert the_course.reflections
    for r in the_course.reflections:
        assert f"<code>{r.id}</code>" in guide, r.id
        assert f'href="../{r.page.removeprefix("docs/")[:-3]}.html#reflect-{r.id}"' in guide


def test_guide_has_every_question_with_its_key_explanation_and_source(the_course, guide):
    words = text_of(guide)
    questions = [q for quiz in the_course.quizzes.values() for q in quiz.questions]
    assert len(questions) >= 10
    for q in questions:
        assert f'id="guide-q-{q.id}"' in guide, q.id
        for key in tutor.key_text(q):
            assert normalize_quote(key) in words, (q.id, key)
        assert normalize_quote(q.source_quote) in words, q.id
        assert f'href="../{q.source_page[:-3]}.html#{q.source_anchor}"' in guide


def test_every_instructor_note_is_in_the_guide_and_on_no_learner_page(the_course, site_dir, guide):
    notes = [note for page in the_course.pages for note in page.notes]
    assert notes, "the course has /// instructor notes"
    words = text_of(guide)
    learner_pages = [p for p in site_dir.glob("*.html")]
    learner_text = {p.name: text_of(p.read_text(encoding="utf-8")) for p in learner_pages}
    for note in notes:
        phrase = " ".join(normalize_quote(note.markdown).split()[:8])
        assert phrase in words, phrase
        for name, text in learner_text.items():
            assert phrase not in text, f"tutor note shown on learner page {name}: {phrase}"


def test_tutor_notes_are_rendered_by_the_page_pipeline_not_shown_as_markdown(guide):
    notes = re.findall(r'<aside [^>]*class="crs-instructor"[^>]*>(.*?)</aside>', guide, re.S)
    assert notes and all("<p>" in note for note in notes)
    for note in notes:
        assert "](" not in note and "[@" not in note, note
        assert 'markdown="block"' not in note


def test_a_note_links_to_other_pages_relative_to_the_guide():
    note = course.InstructorNote(
        "See [the matrix](levels.md#matrix), [top](#x) and [web](https://example.org/a.md).",
        "docs/models.md",
        3,
    )
    assert tutor.note_markdown(note, "tutor/index.md") == (
        "See [the matrix](../levels.md#matrix), [top](#x) and [web](https://example.org/a.md)."
    )


def test_session_plan_follows_lesson_times(the_course, guide):
    plan = tutor.session_plan(the_course.lessons)
    assert sum(s["minutes"] for s in plan) == the_course.total_minutes
    assert [item["page"].src for s in plan for item in s["lessons"]] == [
        p.src for p in the_course.lessons
    ]
    assert f"The lessons take {the_course.total_minutes} minutes in all" in guide


def test_session_plan_splits_a_long_course_into_even_sessions(the_course):
    lesson = the_course.lessons[0]
    long = [lesson.__class__(**{**lesson.__dict__, "time": 40}) for _ in range(5)]
    plan = tutor.session_plan(long, limit=90)
    assert [s["minutes"] for s in plan] == [80, 80, 40]


def test_page_bundles_load_only_where_their_components_are(site_dir, the_course):
    """Every page loads one script and one stylesheet, named for what they bundle besides what
    every page needs: at most one page bundle (the lessons code on lessons, the home's on the
    home, tutor code only on tutor pages, workspace and assignment code only on their own page),
    and the quiz and reflection parts only where a quiz or a prompt is shown; and the course data
    files."""
    lesson_pages = {page.src.replace(".md", ".html"): page for page in the_course.lessons}
    bundles = {
        "index.html": "home",
        "workspace.html": "workspace",
        "assignment.html": "assignment",
    }
    parts = {"workspace.html": {"reflections"}, "assignment.html": {"quizzes", "reflections"}}
    for page in site_dir.rglob("*.html"):
        if "assets" in page.parts:
            continue
        name = page.relative_to(site_dir).as_posix()
        bundle = "tutor" if name.startswith("tutor/") else bundles.get(name)
        bundle = "summary" if name == "tutor/summary.html" else bundle
        shown = set(parts.get(name, set()))
        if name in lesson_pages:
            bundle = "lessons"
            lesson = lesson_pages[name]
            shown |= {"quizzes"} if lesson.quiz_uses else set()
            shown |= {"reflections"} if lesson.reflections else set()
        combination = "-".join(["crs", *sorted(shown), *([bundle] if bundle else [])])
        expected = {f"{combination}.js", f"{combination}.css"}
        text = page.read_text(encoding="utf-8")
        named = set(re.findall(r"assets/crs/([\w-]+\.(?:js|css))", text))
        # Besides, the course data (crs.coursedata): the core, and the detail a bundle reads.
        data = {name for name in named if re.fullmatch(r"course-[0-9a-f]{10}\.js", name)}
        assert named - data == expected, name
        assert 1 <= len(data) <= 2, name


def test_notebook_page_is_rendered_with_outputs_and_a_download(site_dir):
    page = (site_dir / "tutor" / "collate.html").read_text(encoding="utf-8")
    assert "Skipped: sample-damaged-file.json" in page
    assert page.count("data:image/png;base64") >= 2
    assert (site_dir / "tutor" / "collate.ipynb").exists()
    assert "Download the notebook" in page and "import crs" not in page
    assert (site_dir / "downloads" / "class-summary-notebook.zip").exists()


def test_a_new_quiz_appears_in_the_guide_with_its_key(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "quizzes" / "tutor-fixture.yml").write_text(
        """id: tutor-fixture
title: Fixture quiz for the tutor guide
questions:
  - id: tutor-fixture-1
    type: fill-in
    prompt: Which word names the *fixture*?
    explanation: Written only for this test.
    source: {page: "levels.md#transformation", quote: "the service user becomes an expert"}
    answers: [zanzibar-fixture-key]
    feedback: Look at the test.
""",
        encoding="utf-8",
    )
    levels = project / "docs" / "levels.md"
    levels.write_text(
        levels.read_text(encoding="utf-8") + "\n/// quiz | tutor-fixture\n///\n", encoding="utf-8"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    guide = (tmp_path / "site" / "tutor" / "index.html").read_text(encoding="utf-8")
    assert 'id="guide-q-tutor-fixture-1"' in guide
    assert "zanzibar-fixture-key" in guide
    assert "Fixture quiz for the tutor guide" in guide
    # The assignment page offers it in the part of the lesson it is on (crs.tutor.assignment_parts).
    part = (tmp_path / "site" / "assets" / "crs" / "assignment" / "levels.js").read_text("utf-8")
    assert part.startswith('crsAssignmentPart("levels.md", ')
    assert (
        json.loads(part[part.index(", ") + 2 : part.rindex(")")]).count(
            'data-crs-quiz="tutor-fixture"'
        )
        == 1
    )


def test_the_assignment_page_is_not_a_search_result(site_dir):
    """It shows nothing until a link picks prompts and quizzes: a hit there would be empty."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "assignment.html" not in locations
    assert "definitions.html" in locations
