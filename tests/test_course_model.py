"""The course model: blocks found with their lines, front matter checked, ids unique."""

from __future__ import annotations

import pytest

from crs import course
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
        ("time: soon", r"x.md:2: 'time' must be whole minutes \(e.g. 15\), found 'soon'"),
        ("time: 5\nobjectives: [a]\nkeypoints: [b]", r"x.md:1: a lesson .* needs a 'title'"),
        ("title: T\ntime: 5\nobjectives: one", r"x.md:4: 'objectives' must be a list of sentences"),
    ],
)
def test_bad_front_matter_names_line(front, message):
    with pytest.raises(CourseError, match=message):
        read_page(f"---\n{front}\n---\nBody", "x.md", KNOWN)


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
