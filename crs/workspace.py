"""The "My workspace" page: every lesson's prompts and quizzes, listed from the course model.

The learner's answers live in the browser; overrides/crs/workspace.js fills them in. Without
JavaScript the page still lists every prompt and quiz.
"""

from __future__ import annotations

from collections.abc import Callable

import markdown
from markupsafe import Markup

from crs.downloads import pdf_path
from crs.model import CourseModel
from crs.templating import render


def prompt_html(text: str) -> Markup:
    """A prompt's Markdown as on its lesson page (prompts are written by the course authors)."""
    extensions = ["pymdownx.betterem", "pymdownx.smartsymbols"]
    return Markup(markdown.markdown(text, extensions=extensions))


def render_workspace(model: CourseModel, link: Callable[[str], str]) -> str:
    course = model.course
    lessons = [
        {
            "src": page.src,
            "slug": page.src[: -len(".md")].replace("/", "-"),
            "title": page.title,
            "href": link(page.url),
            "reflections": [
                {"id": r.id, "prompt": prompt_html(r.prompt), "guidance": r.guidance}
                for r in page.reflections
            ],
            "quizzes": [{"id": quiz.id, "title": quiz.title} for quiz in course.quizzes_of(page)],
        }
        for page in course.lessons
    ]
    return render("workspace.html", lessons=lessons, pdf_href=link(pdf_path("learner")))
