"""The glossary: terms defined from the module's own text (docs/_data/glossary.yml).

glossary.yml --load_glossary--> [Term]
[Term] --render_glossary--> the glossary page (definition list, each term linked to its lesson)
[Term] --abbreviations--> "*[form]: definition" lines; appended to a lesson's Markdown, the
                          abbr extension turns each form into a tooltip where it appears
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from crs.errors import CourseError
from crs.templating import render
from crs.yamlnodes import Entry, check_fields, describe, load_by_id

FIELDS = ("id", "term", "definition", "page", "anchor", "forms")
REQUIRED = ("id", "term", "definition", "page")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PAGE_RE = re.compile(r"^[a-z0-9][a-z0-9_/-]*\.md$")


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    page: str
    anchor: str = ""
    forms: tuple[str, ...] = ()

    @property
    def href(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


def load_glossary(path: Path) -> list[Term]:
    """Read and check glossary.yml; terms come back sorted alphabetically."""
    terms: list[Term] = []
    seen_forms: dict[str, tuple[str, int]] = {}
    for term, entry in load_by_id(path, _term).values():
        for form in term.forms:
            if form in seen_forms:
                other, line = seen_forms[form]
                raise CourseError(
                    path,
                    entry.line_of("forms"),
                    f"expected each tooltip form in one term only, found '{form}' in '{term.id}' "
                    f"and in '{other}' (line {line})",
                )
            seen_forms[form] = (term.id, entry.line_of("forms"))
        terms.append(term)
    return sorted(terms, key=lambda t: t.term.casefold())


def _term(path: Path, entry: Entry) -> Term:
    values = entry.values
    check_fields(path, entry, FIELDS, REQUIRED)

    def text(key: str) -> str:
        value = values.get(key, "")
        if key in REQUIRED and (not isinstance(value, str) or not value.strip()):
            raise CourseError(
                path,
                entry.line_of(key),
                f"expected a non-empty text '{key}', found {describe(value)}",
            )
        if not isinstance(value, str):
            raise CourseError(
                path, entry.line_of(key), f"expected '{key}' to be text, found {describe(value)}"
            )
        return " ".join(value.split())

    term_id = text("id")
    if not _ID_RE.match(term_id):
        raise CourseError(
            path,
            entry.line_of("id"),
            f"expected an id in lower-case kebab-case (like 'core-economy'), found '{term_id}'",
        )
    page = text("page")
    if not _PAGE_RE.match(page):
        raise CourseError(
            path,
            entry.line_of("page"),
            "expected 'page' to be a lesson file relative to docs/ (like 'models.md'), "
            f"found '{page}'",
        )
    anchor = text("anchor")
    if anchor and not _ID_RE.match(anchor):
        raise CourseError(
            path,
            entry.line_of("anchor"),
            f"expected 'anchor' to be a heading slug (like 'growing-the-core-economy'), "
            f"found '{anchor}'",
        )
    forms = values.get("forms", [])
    if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        raise CourseError(
            path,
            entry.line_of("forms"),
            f"expected 'forms' to be a list of the exact words that get a tooltip, "
            f"found {describe(forms)}",
        )
    return Term(
        id=term_id,
        term=text("term"),
        definition=text("definition"),
        page=page,
        anchor=anchor,
        forms=tuple(f.strip() for f in forms),
    )


def _title_from_page(page: str) -> str:
    stem = posixpath.splitext(posixpath.basename(page))[0]
    return stem.replace("-", " ").capitalize()


def render_glossary(
    terms: list[Term], src_path: str = "glossary.md", titles: dict[str, str] | None = None
) -> str:
    """The glossary page body: a definition list; each term links to the lesson that explains it.

    titles maps a page ('models.md') to its title for link text; without it the file name is used.
    Links are Markdown (md_in_html) so MkDocs checks and rewrites them like any other link.
    """
    folder = posixpath.dirname(src_path) or "."
    titles = titles or {}
    items = [
        {
            "id": t.id,
            "term": t.term,
            "definition": t.definition,
            "href": posixpath.relpath(t.page, folder) + (f"#{t.anchor}" if t.anchor else ""),
            "lesson": titles.get(t.page) or _title_from_page(t.page),
        }
        for t in terms
    ]
    return render("glossary.html", terms=items)


def abbreviations(terms: list[Term]) -> str:
    """Definitions for the Markdown abbr extension, one '*[form]: definition' per line."""
    lines = []
    for term in terms:
        for form in term.forms:
            lines.append(f"*[{form}]: {term.definition}")
    return "\n".join(lines) + ("\n" if lines else "")
