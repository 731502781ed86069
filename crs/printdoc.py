"""The print document of the learner and tutor PDFs (crs/pdf.py prints it): one HTML file from
the course model, chapters in nav order, every id scoped to its page.

    CourseModel --chapters--> print HTML (crs/templates/print/*.html + print.css)

Lesson text goes through the same Markdown pipeline as the site (mkdocs.yml's extensions and
crs.pages.fill_page), except that the quiz and reflection blocks print a worksheet form: all
options with tick boxes and no answers, and ruled space to write in. The tutor edition adds the
instructor notes and an answer-key appendix. Markup lives in the print templates; this module
only gathers what they show. Material's web layout is never printed (WeasyPrint renders it blank).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import markdown
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from crs import blocks, course, downloads, pages
from crs.model import CourseModel
from crs.printhtml import headings, scope_ids, scope_of
from crs.printviews import PrintBlocksExtension, key_view
from crs.project import BLOCKS_EXTENSION
from crs.templating import render

PAPERS = {"a4": "A4", "letter": "letter"}
# Blocks of the site that only make sense in a browser (they fill from browser storage).
SCREEN_ONLY_MARKERS = ("workspace",)
BACK_MATTER_MARKERS = ("glossary", "references")


@dataclass(frozen=True)
class Edition:
    name: str
    label: str
    instructor_notes: bool
    answer_key: bool

    @property
    def filename(self) -> str:
        return downloads.pdf_path(self.name).rsplit("/", 1)[1]


EDITIONS = {
    "learner": Edition("learner", "Learner edition", instructor_notes=False, answer_key=False),
    "tutor": Edition("tutor", "Tutor edition", instructor_notes=True, answer_key=True),
}


# --------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------


@dataclass
class Chapter:
    id: str
    title: str
    kind: str  # intro | lesson | back
    html: Markup
    page: course.Page | None = None

    @property
    def sections(self) -> list[SimpleNamespace]:
        return [h for h in headings(self.html) if h.level == 2]


def markdown_factory(model: CourseModel, edition: Edition) -> Callable[[str], markdown.Markdown]:
    """A Markdown converter per page: mkdocs.yml's pipeline with the print blocks."""
    project = model.project
    configs = {name: dict(options) for name, options in project.extension_configs.items()}
    configs["toc"] = {**configs.get("toc", {}), "permalink": False}
    block_options = {
        **configs.pop(BLOCKS_EXTENSION, {}),
        "show_instructor_notes": edition.instructor_notes,
    }
    names = [name for name in project.extensions if name != BLOCKS_EXTENSION]

    def make(page_url: str) -> markdown.Markdown:
        context = blocks.PageContext(model, page_url)
        extension = PrintBlocksExtension(**block_options, context=context)
        return markdown.Markdown(extensions=[*names, extension], extension_configs=configs)

    return make


def page_html(model: CourseModel, src: str, make, printed: set[str]) -> str:
    """One page's body as the site renders it (markers, citations), in print form."""
    text = (model.project.docs / src).read_text(encoding="utf-8")
    body, _ = get_data(text)
    url = src[: -len(".md")] + ".html"
    filled = pages.fill_page(body, src, url, model, course.body_start_line(text))
    return scope_ids(make(url).convert(filled), src, printed)


def chapter_sources(model: CourseModel) -> list[tuple[str, str]]:
    """(src, kind) of the pages printed, in nav order: home, lessons, then glossary/references."""
    lessons = {page.src for page in model.course.lessons}
    chosen = []
    for number, src in enumerate(model.project.pages):
        text = (model.project.docs / src).read_text(encoding="utf-8")
        markers = set(re.findall(r"<!--\s*crs:([\w-]+)\s*-->", text))
        if markers & set(SCREEN_ONLY_MARKERS):
            continue
        if src in lessons:
            chosen.append((src, "lesson"))
        elif number == 0:
            chosen.append((src, "intro"))
        elif markers & set(BACK_MATTER_MARKERS):
            chosen.append((src, "back"))
    return chosen


def chapters(model: CourseModel, edition: Edition) -> list[Chapter]:
    make = markdown_factory(model, edition)
    sources = chapter_sources(model)
    printed = {scope_of(src) for src, _ in sources}
    by_src = {page.src: page for page in model.course.pages}
    result = []
    for src, kind in sources:
        page = by_src[src]
        title = "About this module" if kind == "intro" else page.title or src
        html = Markup(page_html(model, src, make, printed))
        result.append(Chapter(scope_of(src), title, kind, html, page))
    if edition.instructor_notes and model.editing_notes:
        # Rendered as a page of its own at the site root, so its links resolve like a page's.
        src, url = "notes-on-the-text.md", "notes-on-the-text.html"
        notes = render(
            "editing-notes.html", editing_notes=model.editing_notes, link=str, heading=False
        )
        filled = pages.fill_page(notes, src, url, model, 1)
        html = scope_ids(make(url).convert(filled), src, printed)
        result.append(Chapter(scope_of(src), "Notes on the text", "back", Markup(html)))
    return result


def answer_key(model: CourseModel, chapter_list: list[Chapter]) -> list[SimpleNamespace]:
    """Per quiz, in lesson order: every question's key, its source linked to the heading."""
    titles = {c.id: c.title for c in chapter_list}
    section_text = {h.id: h.text for c in chapter_list for h in headings(c.html)}
    groups = []
    for chapter in chapter_list:
        if chapter.page is None:
            continue
        for quiz in model.course.quizzes_of(chapter.page):
            entries = []
            for number, q in enumerate(quiz.questions, start=1):
                scope = scope_of(q.source_page)
                anchor = f"{scope}--{q.source_anchor}"
                section = section_text.get(anchor, q.source_anchor)
                where = f"{titles.get(scope, q.source_page)} › {section}"
                entries.append(key_view(number, q, model.text, f"#{anchor}", where))
            groups.append(SimpleNamespace(quiz=quiz, lesson=chapter.title, entries=entries))
    return groups


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's date for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def document_html(model: CourseModel, edition: Edition, date: dt.date, paper: str = "a4") -> str:
    chapter_list = chapters(model, edition)
    lessons = [c for c in chapter_list if c.kind == "lesson"]
    key = answer_key(model, chapter_list) if edition.answer_key else []
    css = render("print/print.css", paper=PAPERS[paper], edition=edition.label)
    return render(
        "print/document.html",
        title=model.project.title,
        description=model.project.description,
        edition=edition,
        date=date,
        lessons=lessons,
        minutes=model.course.total_minutes,
        front=[c for c in chapter_list if c.kind == "intro"],
        body=lessons,
        back=[c for c in chapter_list if c.kind == "back"],
        key=key,
        css=Markup(css),
    )
