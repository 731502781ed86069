"""A page's Markdown filled from the course model before it is converted: markers replaced by
the components they name, citations linked, glossary terms given their tooltips. The site (the
MkDocs hook) and the PDF both fill pages here, so they say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from crs import bibexport, bibliography, collation, glossary, shortcodes, tutor, workspace
from crs.model import CourseModel
from crs.templating import render

# Components whose markup is HTML alone: nothing for Markdown to convert, no heading for the
# page's table of contents, no citation (fill_page may hold them out of the conversion).
HTML_ONLY = frozenset({"lessons", "workspace", "assignment-builder", "assignment", "class-summary"})


def marker_renderers(
    src: str, page_url: str, model: CourseModel, hold: Callable[[str], Markup] = Markup
) -> dict[str, Callable[[], str]]:
    """Marker name -> what fills it on this page (crs.shortcodes.NAMES lists the same names,
    for the course load to check before any page is filled). `hold` is handed the parts of a
    component that are HTML alone (see fill_page)."""

    def link(target_url: str) -> str:
        return get_relative_url(target_url, page_url)

    return {
        "lessons": lambda: render(
            "lessons.html",
            lessons=model.course.lessons,
            total=model.course.total_minutes,
            link=link,
        ),
        "references": lambda: bibliography.render_references(
            model.references, bibexport.page_links(src)
        ),
        "glossary": lambda: glossary.render_glossary(
            model.terms, src, {page.src: page.title for page in model.course.pages}
        ),
        "workspace": lambda: workspace.render_workspace(model, link),
        "tutor-guide": lambda: tutor.render_guide(model, link, src, hold),
        "assignment-builder": lambda: tutor.render_builder(model, link),
        "assignment": lambda: tutor.render_assignment(model, link),
        "class-summary": lambda: collation.render_summary(collation.outline(model), link),
    }


def fill_page(
    text: str,
    src: str,
    page_url: str,
    model: CourseModel,
    first_line: int,
    held: dict[str, str] | None = None,
) -> str:
    """Fill markers, link citations and add glossary tooltips to one page's Markdown.

    With `held`, each HTML_ONLY component (and the HTML-only parts of the tutor guide) is kept
    there and a comment stands in its place, for `put_back` after conversion: Markdown would
    pass it through unchanged, after parsing all of it (the assignment page's 140 KB)."""
    hold = Markup if held is None else _holder(held)
    renderers = marker_renderers(src, page_url, model, hold)
    if held is not None:
        renderers = {
            name: (lambda render_one=render_one: hold(render_one()))
            if name in HTML_ONLY
            else render_one
            for name, render_one in renderers.items()
        }
    text = shortcodes.expand(text, f"docs/{src}", renderers, first_line=first_line)
    text = bibliography.expand_citations(text, src, model.references, first_line=first_line)
    if src != "glossary.md":
        text += "\n\n" + glossary.abbreviations(model.terms) + "\n"
    return text


_HELD = re.compile(r"<!-- crs-held:(\d+) -->")


def _holder(held: dict[str, str]) -> Callable[[str], Markup]:
    def hold(html: str) -> Markup:
        held[str(len(held))] = str(html).strip()  # as Markdown passes a raw HTML block
        return Markup(f"<!-- crs-held:{len(held) - 1} -->")

    return hold


def put_back(html: str, held: dict[str, str]) -> str:
    """The page's HTML with each held component in place of its comment."""
    return _HELD.sub(lambda m: held[m.group(1)], html)
