"""The bibliography as files a reader's reference manager imports: CSL-JSON and BibTeX.

Written next to the site's PDFs (site/downloads/) and linked from the references page. Only
the CSL data goes out: the project's own fields (role, editing notes...) stay in the course.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping

from crs.bibliography import Reference

# Format name on the page -> file, relative to the site root (and to references.md).
DOWNLOADS = {"CSL-JSON": "downloads/references.json", "BibTeX": "downloads/references.bib"}

# CSL type -> BibTeX entry type, and the BibTeX field that holds each CSL text field there.
BIBTEX_TYPES = {
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "report": "techreport",
    "webpage": "misc",
    "motion_picture": "misc",
}
_CONTAINER = {"article": "journal", "incollection": "booktitle", "misc": "howpublished"}
_FIELDS = (
    ("title", "title"),
    ("volume", "volume"),
    ("issue", "number"),
    ("chapter-number", "chapter"),
    ("edition", "edition"),
    ("publisher-place", "address"),
    ("ISBN", "isbn"),
    ("ISSN", "issn"),
)
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIALS))


def page_links(src_path: str) -> dict[str, str]:
    """{format name: link to its file} as written in the page src_path (docs-relative)."""
    folder = posixpath.dirname(src_path) or "."
    return {name: posixpath.relpath(path, folder) for name, path in DOWNLOADS.items()}


def csl_json(references: Mapping[str, Reference]) -> str:
    """CSL-JSON, the format Zotero, Mendeley and pandoc read and write."""
    return json.dumps([ref.csl for ref in references.values()], indent=2, ensure_ascii=False)


def _latex(text: object) -> str:
    return _LATEX_RE.sub(lambda m: _LATEX_SPECIALS[m.group(0)], " ".join(str(text).split()))


def _bibtex_name(name: Mapping) -> str:
    """'{Van Ryzin}, Gregg G.'; a body in braces so it is never split into given and family."""
    if name.get("literal"):
        return "{" + _latex(name["literal"]) + "}"
    family = " ".join(p for p in (name.get("non-dropping-particle"), name["family"]) if p)
    family = _latex(family)
    if " " in family:
        family = "{" + family + "}"
    given = _latex(name.get("given", ""))
    return f"{family}, {given}" if given else family


def _bibtex_fields(csl: Mapping, kind: str) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for role in ("author", "editor"):
        if csl.get(role):
            fields.append((role, " and ".join(_bibtex_name(n) for n in csl[role])))
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    if parts[0]:
        fields.append(("year", str(parts[0][0])))
    for source, target in _FIELDS:
        if csl.get(source):
            fields.append((target, _latex(csl[source])))
    container = csl.get("container-title")
    if csl["type"] == "motion_picture":
        container = f"Video: {container}" if container else "Video"
    if container:
        fields.append((_CONTAINER.get(kind, "note"), _latex(container)))
    if csl.get("publisher"):
        fields.append(
            ("institution" if kind == "techreport" else "publisher", _latex(csl["publisher"]))
        )
    if csl.get("page"):
        fields.append(("pages", re.sub(r"\s*[-\u2013]\s*", "--", str(csl["page"]))))
    for source, target in (("DOI", "doi"), ("URL", "url")):
        if csl.get(source):
            fields.append((target, csl[source]))
    return fields


def bibtex(references: Mapping[str, Reference]) -> str:
    """BibTeX (UTF-8) for LaTeX users and reference managers that import .bib files."""
    entries = []
    for ref in references.values():
        kind = BIBTEX_TYPES[ref.type]
        body = ",\n".join(
            f"  {name} = {{{value}}}" for name, value in _bibtex_fields(ref.csl, kind)
        )
        entries.append(f"@{kind}{{{ref.id},\n{body}\n}}\n")
    return "\n".join(entries)


def files(references: Mapping[str, Reference]) -> dict[str, str]:
    """{site path: text} of every download."""
    return {
        DOWNLOADS["CSL-JSON"]: csl_json(references) + "\n",
        DOWNLOADS["BibTeX"]: bibtex(references),
    }
