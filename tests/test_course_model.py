"""The course model: blocks found with their lines, front matter checked, ids unique."""

from __future__ import annotations

from pathlib import Path

import pytest

from crs import course, frontmatter
from crs.blockscan import scan_blocks
from crs.course import check_unique_reflections, read_page
from crs.errors import CourseError
from crs.shortcodes import expand

KNOWN = {"reflection", "quiz", "instructor", "activity", "note"}

LESSON = """---
title: A lesson
time: 10
objectives:
  - Do a thing
keypoints:
  - A thing was done
---
Text.

/// reflection | first-thoughts
    guidance: Two lines are enough.

What do you think?
///

/// quiz | a-quiz
///

/// instructor
Ask the group first.
///
"""


def test_lesson_page_yields_reflections_quizzes_and_notes_with_lines():
    page = read_page(LESSON, "lesson.md", KNOWN, label="docs/lesson.md")
    assert page.is_lesson and page.time == 10 and page.url == "lesson.html"
    [reflection] = page.reflections
    assert (reflection.id, reflection.prompt, reflection.guidance, reflection.line) == (
        "first-thoughts",
        "What do you think?",
        "Two lines are enough.",
        11,
    )
    assert page.quiz_uses == (("a-quiz", 17),)
    assert page.notes[0].markdown == "Ask the group first." and page.notes[0].line == 20


def test_blocks_inside_code_fences_are_only_shown():
    text = "```\n/// nonsense\n///\n```\n/// note\nhi\n///"
    assert [use.name for use in scan_blocks(text, "x.md", KNOWN)] == ["note"]


def test_unknown_block_names_file_and_line():
    with pytest.raises(CourseError, match=r"^docs/x.md:3: unknown block '/// exercize'"):
        scan_blocks("a\n\n/// exercize | 1\n///", "docs/x.md", KNOWN)


def test_unclosed_block_is_an_error():
    with pytest.raises(CourseError, match=r"^x.md:1: block '/// note' is never closed"):
        scan_blocks("/// note\ntext", "x.md", KNOWN)


def test_block_needing_an_id_says_so():
    with pytest.raises(CourseError, match=r"x.md:1: '/// reflection' needs an id"):
        read_page("/// reflection\nWhy?\n///", "x.md", KNOWN)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "time: soon",
            r"x.md:2: 'time' of the front matter must be a whole number, found 'soon'",
        ),
        ("time: 0", r"x.md:2: 'time' of the front matter must be at least 1, found the number 0"),
        (
            "time: 5\nobjectives: [a]\nkeypoints: [b]",
            r"x.md:2: the front matter of a lesson \(a page with 'time'\) is missing 'title'",
        ),
        (
            "title: T\ntime: 5\nobjectives: one\nkeypoints: [b]",
            r"x.md:4: 'objectives' of the front matter must be a list, found 'one'",
        ),
        (
            "title: T\ntime: 5\nobjectives: [a, {txt: b}]\nkeypoints: [b]",
            r"x.md:4: objective 2 has an unknown key 'txt' \(did you mean 'text'\?\)",
        ),
        (
            "title: T\ntime: 5\nobjectives: [a, 3]\nkeypoints: [b]",
            r"x.md:4: objective 2 must be a sentence or \{text: <sentence>, practised_by: ",
        ),
        (
            "title: T\ntime: 5\nobjectives: [a]\nkeypoints: ['', b]",
            r"x.md:5: key point 1 must not be empty",
        ),
        (
            "title: T\ntime: 5\nobjectives:\n  - text: a\n    practised_by: [Q_1]\nkeypoints: [b]",
            r"x.md:6: id 1 of objective 1 must be an id of a quiz question or reflection prompt",
        ),
        ("titel: T", r"x.md:2: the front matter has an unknown key 'titel' \(did you mean 'title'"),
        ("title: [unclosed\ntime: 5", r"x.md:3: expected valid YAML, found a syntax error"),
        ("title: T\n  time: 5", r"x.md:3: expected valid YAML, found a syntax error"),
        ("- a list", r"x.md:2: expected the front matter to be 'key: value' lines, found a list"),
        ("title: T\ntitle: U", r"x.md:3: expected each key once, found 'title' twice"),
    ],
)
def test_bad_front_matter_names_line(front, message):
    with pytest.raises(CourseError, match=message):
        read_page(f"---\n{front}\n---\nBody", "x.md", KNOWN)


def test_front_matter_never_closed_is_an_error_not_a_page_without_metadata():
    with pytest.raises(CourseError, match=r"^x.md:1: expected the front matter to end with"):
        read_page("---\ntitle: T\ntime: 5\n\nBody", "x.md", KNOWN)


def test_every_project_page_has_valid_front_matter():
    docs = Path(__file__).parent.parent / "docs"
    pages = [p for p in docs.rglob("*.md") if not p.relative_to(docs).parts[0].startswith("_")]
    assert len(pages) > 5
    for path in pages:
        frontmatter.read(path.read_text(encoding="utf-8"), str(path))


def test_duplicate_reflection_ids_name_both_files():
    a = read_page("/// reflection | same\nA?\n///", "a.md", KNOWN, label="docs/a.md")
    b = read_page("x\n\n/// reflection | same\nB?\n///", "b.md", KNOWN, label="docs/b.md")
    [error] = check_unique_reflections([a, b])
    assert str(error) == (
        "docs/b.md:3: reflection id 'same' is already used at docs/a.md:1; "
        "ids must be unique across the course"
    )


def test_markers_expand_and_unknown_marker_names_line():
    assert expand("a\n<!-- crs:x -->", "p.md", {"x": lambda: "X"}) == "a\nX"
    with pytest.raises(CourseError, match=r"^p.md:12: unknown marker 'crs:y'; known: x"):
        expand("a\n<!-- crs:y -->", "p.md", {"x": lambda: "X"}, first_line=11)


def test_objectives_may_name_what_practises_them():
    page = course.read_page(
        "---\ntitle: T\ntime: 5\nkeypoints: [k]\nobjectives:\n  - plain\n"
        "  - text: linked\n    practised_by: [q-1, prompt-1]\n---\n\nbody",
        "a.md",
        set(),
    )
    assert page.objectives == ("plain", "linked")
    assert page.objective_links == ((), ("q-1", "prompt-1"))


def test_an_objective_linked_to_an_unknown_id_names_file_and_line():
    page = course.read_page(
        "---\ntitle: T\ntime: 5\nkeypoints: [k]\nobjectives:\n"
        "  - text: linked\n    practised_by: [no-such-question]\n---\n\nbody",
        "a.md",
        set(),
        "docs/a.md",
    )
    with pytest.raises(CourseError, match=r"docs/a\.md:5: .*'no-such-question'"):
        course.check_objective_links(course.Course([page]))
