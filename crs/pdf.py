"""Learner and tutor PDFs of the module, printed from the course model with WeasyPrint.

    docs/*.md + quizzes/*.yml --site.load--> SiteState --chapters--> print HTML
    (crs/templates/print/*.html + print.css) --WeasyPrint--> co-production-<edition>.pdf

Lesson text goes through the same Markdown pipeline as the site (mkdocs.yml's extensions and
crs.site.page_markdown), except that the quiz and reflection blocks print a worksheet form: all
options with tick boxes and no answers, and ruled space to write in. The tutor edition adds the
instructor notes and an answer-key appendix. Markup lives in the print templates; this module
only gathers what they show. Material's web layout is never printed (WeasyPrint renders it blank).

Usage: scripts/pdf [--edition learner|tutor|all] [--paper a4|letter] [--out site/downloads]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import multiprocessing
import os
import posixpath
import re
import sys
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from crs import blocks, course, data, downloads, quizzes, safehtml, site
from crs.errors import CourseError
from crs.templating import render

# Debian packages of the system libraries WeasyPrint loads (Pango, HarfBuzz, fontconfig).
WEASYPRINT_DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1"
# Font files named in print.css, with the Debian package that installs each.
FONTS = {
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf": "fonts-liberation",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf": "fonts-dejavu-core",
}
PAPERS = {"a4": "A4", "letter": "letter"}
# Blocks of the site that only make sense in a browser (they fill from browser storage).
SCREEN_ONLY_MARKERS = ("workspace",)
BACK_MATTER_MARKERS = ("glossary", "references")
REFLECTION_LINES = 7


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
# WeasyPrint and fonts: fail clearly, naming what to install
# --------------------------------------------------------------------------------------------


def import_weasyprint(importer: Callable[[str], Any] = importlib.import_module):
    """The weasyprint module; its missing system libraries become one clear error."""
    try:
        return importer("weasyprint")
    except OSError as error:
        raise CourseError(
            "requirements.txt",
            None,
            f"WeasyPrint cannot load its system libraries ({error}); on Debian install them "
            f"with: apt-get install {WEASYPRINT_DEBIAN_PACKAGES}",
        ) from None


def missing_fonts(fonts: Mapping[str, str] = FONTS) -> list[str]:
    """Debian packages to install for the font files print.css needs (empty when all exist)."""
    return sorted({package for path, package in fonts.items() if not Path(path).is_file()})


def check_fonts(fonts: Mapping[str, str] = FONTS) -> None:
    packages = missing_fonts(fonts)
    if packages:
        raise CourseError(
            "crs/templates/print/print.css",
            None,
            f"the PDF fonts are missing; on Debian install them with: "
            f"apt-get install {' '.join(packages)}",
        )


# --------------------------------------------------------------------------------------------
# Print forms of the blocks (the extension's web blocks, subclassed; crs/blocks.py unchanged)
# --------------------------------------------------------------------------------------------


class PrintReflection(blocks.Reflection):
    """The prompt as on the site, followed by ruled lines to write on."""

    def without_javascript(self, section, base: str) -> None:
        pass  # paper has the ruled space instead

    def on_create(self, parent):
        section = super().on_create(parent)
        lines = blocks.etree.SubElement(section, "div", {"class": "crs-reflection__space"})
        lines.text = self.md.htmlStash.store(render("print/lines.html", count=REFLECTION_LINES))
        return section


class PrintQuiz(blocks.Quiz):
    """A worksheet: every option with a tick box, never the answers."""

    def render_html(self, item_id: str) -> str:
        quiz = data.quizzes(Path(self.config["quizzes_dir"])).get(item_id)
        if quiz is None:
            raise KeyError(f"no quiz '{item_id}' in {self.config['quizzes_dir']}")
        return render_print_quiz(quiz)


class PrintBlocksExtension(blocks.CourseBlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr) -> None:  # noqa: N802 (Markdown's API name)
        config = self.getConfigs()
        for block in (
            PrintReflection,
            PrintQuiz,
            blocks.Activity,
            blocks.Instructor,
            blocks.Editor,
        ):
            block_mgr.register(block, config)


# --------------------------------------------------------------------------------------------
# Quizzes and answer keys as print views (pure)
# --------------------------------------------------------------------------------------------


def question_view(number: int, q: quizzes.Question) -> SimpleNamespace:
    """What a learner sees of one question: prompt and choices, nothing that gives it away."""
    view = SimpleNamespace(
        id=q.id, type=q.type, number=number, prompt=safehtml.markdown_inline(q.prompt)
    )
    if q.type in ("single", "multiple"):
        view.options = [safehtml.markdown_inline(o.text) for o in q.options]
    elif q.type == "true-false":
        view.options = [Markup("True"), Markup("False")]
    elif q.type == "classify":
        view.categories = list(q.categories)
        view.items = [safehtml.markdown_inline(i.text) for i in q.items]
    elif q.type == "order":
        view.items = [safehtml.markdown_inline(i.text) for i in quizzes.shuffled_order(q)]
    return view


def render_print_quiz(quiz: quizzes.Quiz) -> str:
    views = [question_view(n, q) for n, q in enumerate(quiz.questions, start=1)]
    intro = safehtml.markdown_block(quiz.intro) if quiz.intro else None
    return render("print/quiz.html", quiz=quiz, intro=intro, questions=views)


def key_view(number: int, q: quizzes.Question, source_href: str, section: str) -> SimpleNamespace:
    """One answer-key entry: the answer, the feedback of every choice, explanation, source."""
    view = question_view(number, q)
    view.explanation = safehtml.markdown_block(q.explanation)
    view.source_href = source_href
    view.source_section = section
    view.source_quote = q.source_quote
    if q.type in ("single", "multiple"):
        view.choices = [
            SimpleNamespace(
                text=safehtml.markdown_inline(o.text),
                correct=o.correct,
                feedback=safehtml.markdown_block(o.feedback),
            )
            for o in q.options
        ]
    elif q.type == "true-false":
        view.choices = [
            SimpleNamespace(
                text=Markup(label),
                correct=(value == q.answer),
                feedback=safehtml.markdown_block(q.feedback[key]),
            )
            for label, key, value in (("True", "true", True), ("False", "false", False))
        ]
    elif q.type == "fill-in":
        view.answers = list(q.answers)
        view.hint = safehtml.markdown_block(q.feedback) if q.feedback else None
    elif q.type == "classify":
        view.sorted_items = [
            SimpleNamespace(
                text=safehtml.markdown_inline(i.text),
                category=i.category,
                feedback=safehtml.markdown_block(i.feedback),
            )
            for i in q.items
        ]
    else:  # order
        view.correct_order = [safehtml.markdown_inline(i.text) for i in q.items]
    return view


# --------------------------------------------------------------------------------------------
# One page's HTML in the print document: ids scoped to the page, links made internal (pure)
# --------------------------------------------------------------------------------------------

_ID_ATTRS = re.compile(r'(\s(?:id|for|headers|aria-labelledby|aria-describedby)=")([^"]*)(")')
_HREF = re.compile(r'\shref="([^"]*)"')
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ATTR_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def scope_of(src: str) -> str:
    """The id prefix of a page in the print document: 'models.md' -> 'models'."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", src.rsplit(".", 1)[0]).strip("-")


def scoped_href(href: str, src: str, printed: set[str]) -> str | None:
    """A link of page `src` as it works inside the one PDF; None when it points at a page left
    out (the link text stays, as plain text)."""
    scope = scope_of(src)
    if href.startswith("#"):
        return f"#{scope}--{href[1:]}" if href[1:] else f"#{scope}"
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):  # http:, https:, mailto:
        return href
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path)) if path else ""
    stem = target.rsplit(".", 1)[0] if target.endswith((".md", ".html")) else None
    if stem is None or scope_of(stem + ".md") not in printed:
        return None
    target_scope = scope_of(stem + ".md")
    return f"#{target_scope}--{fragment}" if fragment else f"#{target_scope}"


def scope_ids(html: str, src: str, printed: set[str]) -> str:
    """Prefix every id (and what refers to one) with the page's scope, so pages cannot clash."""
    scope = scope_of(src)

    def ids(match: re.Match) -> str:
        tokens = " ".join(f"{scope}--{token}" for token in match.group(2).split())
        return f"{match.group(1)}{tokens}{match.group(3)}"

    def href(match: re.Match) -> str:
        target = scoped_href(match.group(1), src, printed)
        return "" if target is None else f' href="{target}"'

    return _HREF.sub(href, _ID_ATTRS.sub(ids, html))


def headings(html: str) -> list[SimpleNamespace]:
    """Headings with an id, in order: level, id, plain text (screen-only ones left out)."""
    found = []
    for match in _HEADING.finditer(html):
        attrs = match.group(2)
        anchor = _ATTR_ID.search(attrs)
        if anchor and "crs-screen-only" not in attrs:
            text = re.sub(r"\s+", " ", _TAG.sub("", match.group(3))).strip()
            found.append(SimpleNamespace(level=int(match.group(1)), id=anchor.group(1), text=text))
    return found


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


def markdown_factory(config, edition: Edition) -> Callable[[str], markdown.Markdown]:
    """A Markdown converter per page: mkdocs.yml's pipeline with the print blocks."""
    root = Path(config.config_file_path).parent
    configs = {name: dict(options) for name, options in config.mdx_configs.items()}
    configs["toc"] = {**configs.get("toc", {}), "permalink": False}
    include = configs.get("markdown_include.include")
    if include and "base_path" in include:
        include["base_path"] = str((root / include["base_path"]).resolve())
    block_options = {
        **configs.pop(site.EXTENSION, {}),
        "show_instructor_notes": edition.instructor_notes,
    }
    names = [name for name in config.markdown_extensions if name != site.EXTENSION]

    def make(page_url: str) -> markdown.Markdown:
        extension = PrintBlocksExtension(**block_options, page_url=page_url)
        return markdown.Markdown(extensions=[*names, extension], extension_configs=configs)

    return make


def page_html(config, state: site.SiteState, src: str, make, printed: set[str]) -> str:
    """One page's body as the site renders it (markers, citations), in print form."""
    text = (Path(config.docs_dir) / src).read_text(encoding="utf-8")
    body, _ = get_data(text)
    url = src[: -len(".md")] + ".html"
    filled = site.page_markdown(body, src, url, state, course.body_start_line(text))
    return scope_ids(make(url).convert(filled), src, printed)


def chapter_sources(config, state: site.SiteState) -> list[tuple[str, str]]:
    """(src, kind) of the pages printed, in nav order: home, lessons, then glossary/references."""
    lessons = {page.src for page in state.course.lessons}
    chosen = []
    for number, src in enumerate(site.nav_sources(config.nav)):
        text = (Path(config.docs_dir) / src).read_text(encoding="utf-8")
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


def chapters(config, state: site.SiteState, edition: Edition) -> list[Chapter]:
    make = markdown_factory(config, edition)
    sources = chapter_sources(config, state)
    printed = {scope_of(src) for src, _ in sources}
    pages = {page.src: page for page in state.course.pages}
    result = []
    for src, kind in sources:
        page = pages[src]
        title = "About this module" if kind == "intro" else page.title or src
        html = Markup(page_html(config, state, src, make, printed))
        result.append(Chapter(scope_of(src), title, kind, html, page))
    if edition.instructor_notes and state.editing_notes:
        # Rendered as a page of its own at the site root, so its links resolve like a page's.
        src, url = "notes-on-the-text.md", "notes-on-the-text.html"
        notes = render(
            "editing-notes.html", editing_notes=state.editing_notes, link=str, heading=False
        )
        filled = site.page_markdown(notes, src, url, state, first_line=1)
        html = scope_ids(make(url).convert(filled), src, printed)
        result.append(Chapter(scope_of(src), "Notes on the text", "back", Markup(html)))
    return result


def answer_key(state: site.SiteState, chapter_list: list[Chapter]) -> list[SimpleNamespace]:
    """Per quiz, in lesson order: every question's key, its source linked to the heading."""
    titles = {c.id: c.title for c in chapter_list}
    section_text = {h.id: h.text for c in chapter_list for h in headings(c.html)}
    groups = []
    for chapter in chapter_list:
        if chapter.page is None:
            continue
        for quiz in state.course.quizzes_of(chapter.page):
            entries = []
            for number, q in enumerate(quiz.questions, start=1):
                scope = scope_of(q.source_page)
                anchor = f"{scope}--{q.source_anchor}"
                section = section_text.get(anchor, q.source_anchor)
                where = f"{titles.get(scope, q.source_page)} › {section}"
                entries.append(key_view(number, q, f"#{anchor}", where))
            groups.append(SimpleNamespace(quiz=quiz, lesson=chapter.title, entries=entries))
    return groups


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's date for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def document_html(
    config, state: site.SiteState, edition: Edition, date: dt.date, paper: str = "a4"
) -> str:
    chapter_list = chapters(config, state, edition)
    lessons = [c for c in chapter_list if c.kind == "lesson"]
    key = answer_key(state, chapter_list) if edition.answer_key else []
    css = render("print/print.css", paper=PAPERS[paper], edition=edition.label)
    return render(
        "print/document.html",
        title=config.site_name,
        description=config.site_description or "",
        edition=edition,
        date=date,
        lessons=lessons,
        minutes=state.course.total_minutes,
        front=[c for c in chapter_list if c.kind == "intro"],
        body=lessons,
        back=[c for c in chapter_list if c.kind == "back"],
        key=key,
        css=Markup(css),
    )


def write_pdf(html: str, base_url: Path, target: Path, weasyprint=None) -> Path:
    weasyprint = weasyprint or import_weasyprint()
    target.parent.mkdir(parents=True, exist_ok=True)
    document = weasyprint.HTML(string=html, base_url=str(base_url))
    document.write_pdf(target, pdf_variant="pdf/ua-1", custom_metadata=True)
    return target


def _write_job(job: tuple[str, Path, Path]) -> Path:
    html, base_url, target = job
    return write_pdf(html, base_url, target)


def build(
    config_file: Path,
    out_dir: Path,
    editions: list[str] = ("learner", "tutor"),
    paper: str = "a4",
    keep_html: bool = False,
) -> list[Path]:
    """Write the chosen editions into out_dir; returns the PDF paths.

    Layout is most of the time, so editions are laid out in parallel processes (forked after
    WeasyPrint is imported and checked, so a missing library still fails here, once).
    """
    from mkdocs.config import load_config

    import_weasyprint()
    check_fonts()
    config = load_config(config_file=str(config_file))
    state = site.load(config)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    jobs = []
    for name in editions:
        edition = EDITIONS[name]
        html = document_html(config, state, edition, build_date(), paper)
        target = Path(out_dir) / edition.filename
        if keep_html:
            target.with_suffix(".html").write_text(html, encoding="utf-8")
        jobs.append((html, Path(config.docs_dir), target))
    if len(jobs) == 1 or (os.cpu_count() or 1) == 1:
        return [_write_job(job) for job in jobs]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(jobs), mp_context=context) as pool:
        return list(pool.map(_write_job, jobs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/pdf", description=__doc__.split("\n")[0])
    parser.add_argument("--edition", choices=[*EDITIONS, "all"], default="all")
    parser.add_argument("--paper", choices=sorted(PAPERS), default="a4")
    parser.add_argument("--out", type=Path, default=Path("site/downloads"))
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--html", action="store_true", help="also keep the print HTML")
    args = parser.parse_args(argv)
    editions = list(EDITIONS) if args.edition == "all" else [args.edition]
    started = time.perf_counter()
    try:
        paths = build(args.config_file, args.out, editions, args.paper, args.html)
    except CourseError as error:
        print(f"crs: PDF build failed: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"crs: wrote {path}", file=sys.stderr)
    print(f"crs: PDFs built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
