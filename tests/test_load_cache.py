"""The course load reuses the pages it read before (crs.course, for `mkdocs serve`): an edited
page is read again, and a page with a fault reports it on every load, never only the first."""

from __future__ import annotations

import re

import pytest
from conftest import copy_project

from crs import model
from crs.errors import CourseFaults


def title_of(project, src: str) -> str:
    return next(page.title for page in model.load(project).course.pages if page.src == src)


def test_an_edited_page_is_read_again_and_a_fault_is_reported_every_time(tmp_path):
    project = copy_project(tmp_path)
    lesson = project / "docs" / "models.md"
    good = lesson.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", good, re.M).group(1)
    assert title_of(project, "models.md") == title

    lesson.write_text(good.replace(f"title: {title}", "title: Edited title"), encoding="utf-8")
    assert title_of(project, "models.md") == "Edited title"

    # A block fault leaves the page read (its other blocks still count): not one to keep.
    lesson.write_text(good + "\n/// reflection\nWhat do you think?\n///\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(
            CourseFaults, match=r"docs/models\.md:\d+: '/// reflection' needs an id"
        ):
            model.load(project)

    lesson.write_text(good, encoding="utf-8")
    assert title_of(project, "models.md") == title
