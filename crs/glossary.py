"""The glossary: terms defined from the module's own text (docs/_data/glossary.yml, checked
against docs/_data/schemas/glossary.schema.json).

glossary.yml --load_glossary--> [Term]
[Term] --render_glossary--> the glossary page (definition list, each term linked to its lesson)
[Term] --abbreviations--> "*[form]: definition" lines; appended to a lesson's Markdown, the
                          abbr extension turns each form into a tooltip where it appears
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from crs import datafiles
from crs.errors import CourseError
from crs.templating import render
from crs.yamlnodes import Entry

_WORDS = datafiles.entries_words(
    nouns={"forms": "form"},
    hints={
        "term": "the term as shown in the glossary",
        "definition": "one paragraph of plain text",
        "page": "the lesson file that explains it, like models.md",
    },
    patterns={
        "id": "lower-case kebab-case (like 'core-economy')",
        "page": "a lesson file relative to docs/ (like 'models.md')",
        "anchor": "a heading slug (like 'growing-the-core-economy')",
    },
)


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
    for term, entry in datafiles.load_by_id(path, "glossary", _WORDS, _term).values():
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
    return Term(
        id=values["id"],
        term=" ".join(values["term"].split()),
        definition=" ".join(values["definition"].split()),
        page=values["page"],
        anchor=values.get("anchor", ""),
        forms=tuple(f.strip() for f in values.get("forms", ())),
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
