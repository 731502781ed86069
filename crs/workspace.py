"""The "My workspace" page: every lesson's prompts and quizzes, listed from the course model.

The learner's answers live in the browser; overrides/crs/workspace.js fills them in. Without
JavaScript the page still lists every prompt and quiz.
"""

from __future__ import annotations

from collections.abc import Callable

from crs import reflections
from crs.downloads import pdf_path
from crs.model import CourseModel
from crs.templating import render


def render_workspace(model: CourseModel, link: Callable[[str], str]) -> str:
    course = model.course
    lessons = [
        {
            "src": page.src,
            "slug": page.src[: -len(".md")].replace("/", "-"),
            "title": page.title,
            "href": link(page.url),
            "reflections": [reflections.view(r, model.text) for r in page.reflections],
            "quizzes": [{"id": quiz.id, "title": quiz.title} for quiz in course.quizzes_of(page)],
        }
        for page in course.lessons
    ]
    return render("workspace.html", lessons=lessons, pdf_href=link(pdf_path("learner")))
