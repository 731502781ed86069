"""A reflection prompt as every page shows it: one Jinja macro (crs/templates/reflection.html),
its text through the course model's one course-text pipeline. The lesson block, the workspace,
assignments and the printed worksheet all render prompts here."""

from __future__ import annotations

from crs.course import Reflection
from crs.coursetext import CourseText
from crs.templating import render_macro


def view(r: Reflection, text: CourseText) -> dict:
    """What the macro shows of a prompt: its id, its text as safe HTML, its guidance."""
    return {"id": r.id, "prompt": text.block(r.prompt), "guidance": r.guidance}


def render_reflection(r: Reflection, text: CourseText, base: str, **options) -> str:
    return str(
        render_macro("reflection.html", "reflection", view(r, text), base, **options)
    ).strip()
