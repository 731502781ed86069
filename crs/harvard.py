"""Citations and reference-list entries in Harvard style, as Cite Them Right (12th edition)
sets it out: the author-date style UK universities and public-policy courses teach.

Reads the CSL fields of a Reference (crs.bibliography). One formatter for the references page,
the tutor guide and both PDFs, which print that page. Why not citeproc-py with its
harvard-cite-them-right.csl: see README ("The bibliography").

    citation(ref, page)  -> "Boyle and Harris, 2009, p. 11"   (in the text, in brackets)
    entry_html(ref)      -> "Boyle, D. and Harris, M. (2009) <cite>The Challenge…</cite>. …"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from markupsafe import Markup, escape

# In-text citations name every author up to three, then the first with "et al.".
ET_AL_FROM = 4
NO_DATE = "no date"
MISSING_TITLE = "[entry title missing in the source]"
# Titles set in quotation marks (a part of something larger); all others are italic.
QUOTED_TITLE_TYPES = {"article-journal", "chapter"}
# What follows the title, by CSL type: the fields each form prints after it, in order.
FORMS = {
    "article-journal": ("journal", "locator"),
    "book": ("edition", "publication"),
    "chapter": ("book", "publication", "chapter_pages"),
    "report": ("publication",),
    "webpage": ("container",),
    "motion_picture": ("medium", "container"),
}


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value not in (None, "") else ""


def surname(name: Mapping) -> str:
    """'Ostrom', 'van Ryzin' (non-dropping particle kept), or a body's name as written."""
    if name.get("literal"):
        return _text(name["literal"])
    return " ".join(p for p in (_text(name.get("non-dropping-particle")), name["family"]) if p)


def initials(given: str) -> str:
    """'Edgar S.' -> 'E.S.', 'Jean-Paul' -> 'J.-P.' (Cite Them Right: no spaces)."""
    parts = []
    for word in _text(given).replace(".", ". ").split():
        pieces = [piece for piece in word.rstrip(".").split("-") if piece]
        parts.append("-".join(f"{piece[0]}." for piece in pieces))
    return "".join(parts)


def listed_name(name: Mapping) -> str:
    """'Wallace, L.M.'; a body such as 'UNESCO' as written."""
    if name.get("literal"):
        return _text(name["literal"])
    given = initials(name.get("given", ""))
    return f"{surname(name)}, {given}" if given else surname(name)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def year(csl: Mapping) -> str:
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    return str(parts[0][0]) if parts[0] else NO_DATE


def title(csl: Mapping) -> str:
    return _text(csl.get("title"))


def cited_authors(csl: Mapping) -> str:
    """Names as cited in the text: 'Ostrom', 'Boyle and Harris', 'Bovaird et al.'; a work
    without author is cited by its title."""
    names = [surname(n) for n in csl.get("author", ())]
    if not names:
        return title(csl) or MISSING_TITLE
    return f"{names[0]} et al." if len(names) >= ET_AL_FROM else _and(names)


def pages(value: object, single: str = "p.", several: str = "pp.") -> str:
    """'1073-1087' -> 'pp. 1073–1087', '24' -> 'p. 24', '87-' (last page unknown) -> 'pp. 87–'."""
    text = re.sub(r"\s*[-\u2013]\s*", "\u2013", _text(value))
    return f"{several if chr(0x2013) in text or ',' in text else single} {text}"


def citation(csl: Mapping, page: str | None = None, year_only: bool = False) -> str:
    """'Boyle and Harris, 2009, p. 11', 'Ostrom, 1996', or '1996' for 'As Ostrom (1996)'."""
    when = year(csl) + (f", {pages(page)}" if page else "")
    return when if year_only else f"{cited_authors(csl)}, {when}"


# ---------------------------------------------------------------- the reference list


def _title_html(csl: Mapping) -> Markup:
    text = title(csl)
    if not text:
        return Markup("{}").format(MISSING_TITLE)
    if csl["type"] in QUOTED_TITLE_TYPES:
        return Markup("\u2018{}\u2019").format(text)
    return Markup("<cite>{}</cite>").format(text)


def _publication(csl: Mapping) -> str:
    place, publisher = _text(csl.get("publisher-place")), _text(csl.get("publisher"))
    return f"{place}: {publisher}" if place and publisher else place or publisher


def _after_title(csl: Mapping, part: str) -> tuple[str, Markup | str]:
    """(separator, text) of one part of the form; empty text when the fields are not there."""
    if part == "journal":
        return ", ", Markup("<cite>{}</cite>").format(_text(csl["container-title"])) if _text(
            csl.get("container-title")
        ) else ""
    if part == "locator":
        number = _text(csl.get("volume"))
        issue = _text(csl.get("issue"))
        number = f"{number}({issue})" if number and issue else number or issue
        where = pages(csl["page"]) if _text(csl.get("page")) else ""
        return ", ", ", ".join(p for p in (number, where) if p)
    if part == "edition":
        edition = _text(csl.get("edition"))
        return ". ", f"{edition} edn" if edition else ""
    if part == "publication":
        return ". ", _publication(csl)
    if part == "book":
        book = _text(csl.get("container-title"))
        if not book:
            return ", ", ""
        editors = [listed_name(n) for n in csl.get("editor", ())]
        label = f" ({'eds' if len(editors) > 1 else 'ed.'})" if editors else ""
        who = f"{_and(editors)}{label} " if editors else ""
        return ", ", Markup("in {}<cite>{}</cite>").format(who, book)
    if part == "chapter_pages":
        return ", ", pages(csl["page"]) if _text(csl.get("page")) else ""
    if part == "medium":
        return " ", "[Video]"
    if part == "container":
        return ". ", _text(csl.get("container-title"))
    raise KeyError(part)


def entry_html(csl: Mapping, links: Iterable[str] = ()) -> Markup:
    """One reference-list entry: authors (year) title, then the parts of its type's form, and
    'Available at:' its addresses (DOI first). A work without author starts with its title."""
    authors = [listed_name(n) for n in csl.get("author", ())]
    if authors:
        out = Markup("{} ({}) ").format(_and(authors), year(csl)) + _title_html(csl)
    else:
        out = _title_html(csl) + Markup(" ({})").format(year(csl))
    for part in FORMS[csl["type"]]:
        separator, text = _after_title(csl, part)
        if text:
            out = _join(out, separator, escape(text))
    addresses = [
        Markup('<a class="crs-reference__link" href="{0}">{0}</a>').format(link) for link in links
    ]
    if addresses:
        out = _join(out, ". ", Markup("Available at: ") + Markup(" and ").join(addresses))
    return _join(out, ".", Markup(""))


def _join(out: Markup, separator: str, text: Markup) -> Markup:
    """out + separator + text, without a full stop after a title that ends in ? ! or ."""
    if separator.startswith(".") and re.sub(r"<[^>]+>|[’]", "", out)[-1:] in ".?!":
        separator = separator[1:]
    return out + Markup(separator) + text


def short_html(csl: Mapping) -> Markup:
    """Authors (year) title: the pointer to an entry listed in another group."""
    authors = [listed_name(n) for n in csl.get("author", ())]
    if authors:
        return Markup("{} ({}) ").format(_and(authors), year(csl)) + _title_html(csl)
    return _title_html(csl) + Markup(" ({})").format(year(csl))
