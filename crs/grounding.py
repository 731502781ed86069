"""Grounding: every quiz answer key names the passage of the course that supports it, and the
build checks that the quoted text really is in that section of that page.

Used by crs.site at build time and by the PDF answer key (page sections and their anchors).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify

from crs import includes
from crs.errors import CourseError, Faults
from crs.mdtext import unfenced_lines
from crs.quizzes import Quiz
from crs.schemacheck import display_path

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")
_QUOTES = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a`"


@dataclass(frozen=True)
class _Section:
    anchor: str
    level: int
    start: int  # 1-based line of the heading
    end: int  # 1-based last line of the section
    text: str
    slug: str = ""  # the anchor before the toc made it unique ("x" for "x_1")


def _plain_markdown(text: str) -> str:
    """Markdown source reduced to the words a reader sees, for quote matching."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # inline links and images
    text = re.sub(r"!?\[([^\]]*)\]\[[^\]]*\]", r"\1", text)  # reference links
    text = re.sub(r"\[\^[^\]]+\]", "", text)  # footnote references
    text = re.sub(r"\[-?@[^\]]*\]", "", text)  # citations [@key:page], [-@key]
    text = re.sub(r"\{[:#.][^}]*\}", "", text)  # attribute lists
    text = re.sub(r"</?[A-Za-z][^>]*>", "", text)  # inline HTML tags
    text = re.sub(r"(?m)^[ \t]*(?:>[ \t]?)+", "", text)  # blockquote markers
    text = re.sub(r"(?m)^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", "", text)  # list markers
    return text


def normalize_quote(text: str) -> str:
    """Case, spacing, emphasis, links and quote marks ignored (both for quotes and pages)."""
    text = _plain_markdown(unicodedata.normalize("NFKC", text))
    text = text.translate(str.maketrans("", "", _QUOTES + "*_~^=\\"))
    text = text.translate(str.maketrans({"\u2013": "-", "\u2014": "-", "\u00a0": " "}))
    return re.sub(r"\s+", " ", text).strip().casefold()


def _heading_anchor(raw: str, used: set[str]) -> tuple[str, str]:
    explicit = _ATTR_ID.search(raw)
    if explicit:
        anchor = explicit.group(1)
    else:
        title = _ATTR_LIST.sub("", raw)
        title = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", title)
        title = re.sub(r"</?[A-Za-z][^>]*>", "", title)
        title = re.sub(r"[*_`~^=]", "", title)
        anchor = slugify(html.unescape(title), "-")
    # Python-Markdown's toc makes repeated anchors unique the same way.
    base, count = anchor, 0
    while not anchor or anchor in used:
        count += 1
        anchor = f"{base}_{count}"
    used.add(anchor)
    return anchor, base


def page_sections(text: str) -> list[_Section]:
    """Each heading of a Markdown page with its anchor and the text up to the next heading of the
    same or a higher level (front matter and fenced code skipped)."""
    lines = text.split("\n")
    body_start = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                body_start = index + 1
                break
    headings = []
    used: set[str] = set()
    for index, line in unfenced_lines(lines[body_start:]):
        match = _ATX.match(line)
        if match:
            anchor, slug = _heading_anchor(match.group(2), used)
            headings.append((body_start + index, len(match.group(1)), anchor, slug))
    sections = []
    for position, (index, level, anchor, slug) in enumerate(headings):
        end = len(lines)
        for later_index, later_level, _, _ in headings[position + 1 :]:
            if later_level <= level:
                end = later_index
                break
        sections.append(
            _Section(anchor, level, index + 1, end, "\n".join(lines[index + 1 : end]), slug)
        )
    return sections


def check_grounding(quizzes: Mapping[str, Quiz], docs_dir: Path) -> None:
    """Each question's source page exists, its anchor is a heading there (and only one heading
    has that title), and its quote occurs in that heading's section (case, spacing, emphasis,
    links and quote marks ignored). Raises every fault found at once."""
    docs_dir = Path(docs_dir)
    pages: dict[str, list[_Section] | None] = {}
    faults = Faults()
    for quiz in quizzes.values():
        for q in quiz.questions:
            if q.source_page not in pages:
                page_path = docs_dir / q.source_page
                pages[q.source_page] = (
                    page_sections(includes.inline(page_path.read_text(encoding="utf-8"), docs_dir))
                    if page_path.is_file()
                    else None
                )
            with faults.gather():
                _check_question(q, pages[q.source_page], display_path(quiz.path), docs_dir.name)
    faults.raise_any()


def _check_question(q, sections: list[_Section] | None, label: str, docs: str) -> None:
    where = f"question '{q.id}'"
    if sections is None:
        raise CourseError(
            label,
            q.line_of("source.page"),
            f"{where} cites page '{q.source_page}', but {docs}/{q.source_page} does not exist",
        )
    section = next((s for s in sections if s.anchor == q.source_anchor), None)
    if section is None:
        anchors = ", ".join(s.anchor for s in sections) or "none"
        raise CourseError(
            label,
            q.line_of("source.page"),
            f"{where} cites '{q.source_page}#{q.source_anchor}', but that page has no "
            f"heading with the anchor '{q.source_anchor}'; its anchors: {anchors}",
        )
    twins = [s for s in sections if s.slug == section.slug]
    if len(twins) > 1:
        # The toc numbers repeated titles in page order, so adding a heading above would
        # silently move the key to another section.
        lines = ", ".join(str(s.start) for s in twins)
        raise CourseError(
            label,
            q.line_of("source.page"),
            f"{where} cites '{q.source_page}#{q.source_anchor}', expected one heading with that "
            f"title, found {len(twins)} (lines {lines} of {docs}/{q.source_page}); give the cited "
            "one its own id with '{#an-id}' or rename the others",
        )
    if normalize_quote(q.source_quote) not in normalize_quote(section.text):
        raise CourseError(
            label,
            q.line_of("source.quote"),
            f"{where} quotes '{q.source_quote}', but that text does not occur in section "
            f"'#{q.source_anchor}' of {docs}/{q.source_page} "
            f"(lines {section.start}-{section.end})",
        )


def section_titles(text: str) -> dict[str, str]:
    """Anchor -> heading as readers see it (emphasis marks and attribute lists dropped), for
    exports that name the section a question's key comes from."""
    lines = text.split("\n")
    titles = {}
    for section in page_sections(text):
        raw = _ATX.match(lines[section.start - 1]).group(2)
        titles[section.anchor] = re.sub(r"[*_`]", "", _ATTR_LIST.sub("", raw)).strip()
    return titles
