"""Learner and tutor PDFs of the module, printed from the course model with WeasyPrint.

    docs/*.md + quizzes/*.yml --crs.model.load--> CourseModel --chapters--> print HTML
    (crs/templates/print/*.html + print.css) --WeasyPrint--> co-production-<edition>.pdf

Lesson text goes through the same Markdown pipeline as the site (mkdocs.yml's extensions and
crs.pages.fill_page), except that the quiz and reflection blocks print a worksheet form: all
options with tick boxes and no answers, and ruled space to write in. The tutor edition adds the
instructor notes and an answer-key appendix. Markup lives in the print templates; this module
only gathers what they show. Material's web layout is never printed (WeasyPrint renders it blank).

Usage: scripts/pdf [--edition learner|tutor|all] [--paper a4|letter] [--out site/downloads]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import markdown
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from crs import blocks, course, downloads, pages
from crs import model as crs_model
from crs.errors import CourseError
from crs.model import CourseModel
from crs.pdfdeps import check_fonts, import_weasyprint
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


# WeasyPrint's options for both editions: a tagged PDF/UA-1 file with the document's metadata.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "custom_metadata": True}


def write_pdf(html: str, base_url: Path, target: Path, weasyprint=None) -> dict[str, float]:
    """Lay out and write one document; returns seconds spent laying out and writing, and the
    page count (for scripts/benchmark's breakdown)."""
    weasyprint = weasyprint or import_weasyprint()
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    document = weasyprint.HTML(string=html, base_url=str(base_url)).render(**PDF_OPTIONS)
    laid_out = time.perf_counter()
    document.write_pdf(target, **PDF_OPTIONS)
    return {
        "layout_s": laid_out - started,
        "write_s": time.perf_counter() - laid_out,
        "pages": len(document.pages),
    }


@dataclass(frozen=True)
class Job:
    edition: Edition
    html: str
    html_s: float
    base_url: Path
    target: Path


def prepare(model: CourseModel, name: str, paper: str, out_dir: Path, keep_html: bool) -> Job:
    started = time.perf_counter()
    edition = EDITIONS[name]
    html = document_html(model, edition, build_date(), paper)
    target = Path(out_dir) / edition.filename
    if keep_html:
        target.with_suffix(".html").write_text(html, encoding="utf-8")
    return Job(edition, html, time.perf_counter() - started, model.project.docs, target)


def run(job: Job) -> tuple[Path, dict]:
    timings = write_pdf(job.html, job.base_url, job.target)
    return job.target, {"html_s": job.html_s, **timings}


# The tutor edition is the longer one (notes, answer key): it starts first, so the two end
# closer together.
COST_ORDER = ("tutor", "learner")


def build(
    config_file: Path,
    out_dir: Path,
    editions: list[str] = ("learner", "tutor"),
    paper: str = "a4",
    keep_html: bool = False,
    timings: dict | None = None,
) -> list[Path]:
    """Write the chosen editions into out_dir; returns the PDF paths (in the order asked).

    Layout is most of the time, so editions are laid out side by side: each edition but the
    last is handed, as print HTML, to a process forked after WeasyPrint is imported and the
    course loaded once (so a missing library or a course fault still fails here, once), and
    this process prints the last edition meanwhile. `timings`, when given, receives seconds
    per phase.
    """
    started = time.perf_counter()
    import_weasyprint()
    check_fonts()
    the_model = crs_model.load(Path(config_file).resolve().parent)
    loaded = time.perf_counter()
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    ordered = sorted(editions, key=COST_ORDER.index)
    *forked, last = ordered
    results = {}
    if forked and (os.cpu_count() or 1) > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(forked), mp_context=context) as pool:
            futures = {
                name: pool.submit(run, prepare(the_model, name, paper, out_dir, keep_html))
                for name in forked
            }
            results[last] = run(prepare(the_model, last, paper, out_dir, keep_html))
            results.update((name, future.result()) for name, future in futures.items())
    else:
        for name in ordered:
            results[name] = run(prepare(the_model, name, paper, out_dir, keep_html))
    if timings is not None:
        timings.update(
            load_s=loaded - started,
            total_s=time.perf_counter() - started,
            editions={name: results[name][1] for name in editions},
        )
    return [results[name][0] for name in editions]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/pdf", description=__doc__.split("\n")[0])
    parser.add_argument("--edition", choices=[*EDITIONS, "all"], default="all")
    parser.add_argument("--paper", choices=sorted(PAPERS), default="a4")
    parser.add_argument("--out", type=Path, default=Path("site/downloads"))
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--html", action="store_true", help="also keep the print HTML")
    parser.add_argument("--timings", type=Path, help="write seconds per phase here (JSON)")
    args = parser.parse_args(argv)
    editions = list(EDITIONS) if args.edition == "all" else [args.edition]
    started = time.perf_counter()
    timings: dict = {}
    try:
        paths = build(args.config_file, args.out, editions, args.paper, args.html, timings)
    except CourseError as error:
        print(f"crs: PDF build failed: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"crs: wrote {path}", file=sys.stderr)
    print(f"crs: PDFs built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.timings:
        args.timings.write_text(json.dumps(timings, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
