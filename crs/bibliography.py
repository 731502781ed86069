"""The course bibliography: one data file of CSL data (docs/_data/references.yml), citations and
the list, formatted in Harvard style by crs.harvard.

    references.yml --load_references--> {id: Reference}
    lesson Markdown  --expand_citations--> "[@key]" becomes "(Author, Year)" linked to its entry
    {id: Reference} --render_references--> the grouped list on the references page
    {id: Reference} --crs.bibexport--> CSL-JSON and BibTeX downloads

Citation syntax in lessons: ``[@key]`` (Author, Year), ``[@key:11]`` (Author, Year, p. 11) and
``[-@key]`` (Year) for a sentence that already names the author.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from crs import datafiles, harvard
from crs.errors import CourseError
from crs.templating import render
from crs.yamlnodes import Entry

# Groups of the references page, in page order: role -> heading.
GROUPS = {
    "key-reference": "Key references",
    "further-reading": "Further readings and videos",
    "activity": "Resources used in the activities",
    "source": "Sources",
}
# The project's own fields, kept beside the CSL data of an entry (docs/_data/schemas/).
PROJECT_FIELDS = ("role", "also_listed", "link_missing", "parts", "note")

KEY = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_CITATION_RE = re.compile(rf"\[(?P<year_only>-?)@(?P<key>{KEY})(?::(?P<page>[^\]\s][^\]]*))?\]")
_CANDIDATE_RE = re.compile(r"\[-?@[^\]\n]*\]")
_FENCE_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)\1")
_WORDS = datafiles.entries_words(
    nouns={"author": "author", "editor": "editor", "parts": "part", "also_listed": "group"},
    hints={"id": "a citation key such as boyle-harris-2009", "role": ", ".join(GROUPS)},
    patterns={
        "id": "lower-case kebab-case (like 'boyle-harris-2009')",
        "DOI": "a bare DOI like '10.1111/puar.13258' (no https://doi.org/)",
        "URL": "an http(s) address without spaces or backslashes",
    },
)


@dataclass(frozen=True)
class Reference:
    """One work: its CSL data (what reference managers exchange) and the project's fields."""

    id: str
    csl: dict = field(compare=False)
    role: str = "source"
    also_listed: tuple[str, ...] = ()
    link_missing: bool = False
    parts: tuple[str, ...] = ()
    note: str = ""  # an editing note: what was lost or could not be checked

    @property
    def type(self) -> str:
        return self.csl["type"]

    @property
    def title(self) -> str:
        return harvard.title(self.csl)

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.csl['DOI']}" if self.csl.get("DOI") else ""

    @property
    def links(self) -> tuple[str, ...]:
        """Addresses to show, DOI first; a URL that only repeats the DOI is shown once."""
        found = [self.doi_url] if self.doi_url else []
        url = self.csl.get("URL", "")
        if url and url != self.doi_url:
            found.append(url)
        return tuple(found)


# ---------------------------------------------------------------- loading


def load_references(path: Path) -> dict[str, Reference]:
    """Read references.yml, checked against schemas/references.schema.json; every problem
    names the file and the line to fix."""
    return {
        key: ref
        for key, (ref, _) in datafiles.load_by_id(path, "references", _WORDS, _reference).items()
    }


def _reference(path: Path, entry: Entry) -> Reference:
    values = entry.values
    role = values["role"]
    also = tuple(values.get("also_listed", ()))
    if role in also:
        raise CourseError(
            path,
            entry.line_of("also_listed"),
            f"expected 'also_listed' to name other groups than the role, found '{role}' in both",
        )
    return Reference(
        id=values["id"],
        csl={k: v for k, v in values.items() if k not in PROJECT_FIELDS},
        role=role,
        also_listed=also,
        link_missing=values.get("link_missing", False),
        parts=tuple(" ".join(p.split()) for p in values.get("parts", ())),
        note=" ".join(values.get("note", "").split()),
    )


# ---------------------------------------------------------------- citations


def format_citation(ref: Reference, page: str | None = None, year_only: bool = False) -> str:
    """'Boyle and Harris, 2009, p. 11', 'Sorrentino, Sicilia and Howlett, 2018', or '1996'."""
    return harvard.citation(ref.csl, page, year_only)


def _outside_code(markdown: str):
    """Yield (line_number, start, end) spans of the text that are not code (fenced or inline)."""
    fence: str | None = None
    offset = 0
    for number, line in enumerate(markdown.splitlines(keepends=True), start=1):
        match = _FENCE_RE.match(line)
        if fence:
            if match and match.group("fence")[0] == fence[0] and len(match["fence"]) >= len(fence):
                fence = None
        elif match:
            fence = match.group("fence")
        else:
            start = 0
            for span in _CODE_SPAN_RE.finditer(line):
                yield number, offset + start, offset + span.start()
                start = span.end()
            yield number, offset + start, offset + len(line)
        offset += len(line)


def citations(markdown: str, src_path: str, first_line: int, bad: list | None = None):
    """Yield (line, start, end, match) for every citation outside code; a malformed one raises,
    or is added to `bad` when a list is given."""
    for number, start, end in _outside_code(markdown):
        segment = markdown[start:end]
        for candidate in _CANDIDATE_RE.finditer(segment):
            match = _CITATION_RE.fullmatch(candidate.group(0))
            if not match:
                error = CourseError(
                    src_path,
                    number + first_line - 1,
                    "expected a citation like [@key], [@key:page] or [-@key] with a lower-case "
                    f"kebab-case key, found '{candidate.group(0)}'",
                )
                if bad is None:
                    raise error
                bad.append(error)
                continue
            yield number + first_line - 1, start + candidate.start(), start + candidate.end(), match


def unknown_key(src_path: str, line: int, key: str) -> CourseError:
    return CourseError(
        src_path, line, f"expected a citation key from the bibliography, found unknown key '{key}'"
    )


def cited_keys(markdown: str) -> set[str]:
    """The bibliography keys cited in a page (citations inside code do not count)."""
    return {m["key"] for _, _, _, m in citations(markdown, "<markdown>", 1)}


def references_link(src_path: str, references_page: str = "references.md") -> str:
    """The relative Markdown link from src_path to the references page."""
    folder = posixpath.dirname(src_path.replace("\\", "/"))
    return posixpath.relpath(references_page, folder or ".")


def expand_citations(
    markdown: str,
    src_path: str,
    references: dict[str, Reference],
    references_page: str = "references.md",
    first_line: int = 1,
) -> str:
    """Replace citations by '(Author, Year)' linked to the entry on the references page.

    first_line is the file line of the markdown's first line (after front matter), so errors
    point at the line the author has to edit.
    """
    target = references_link(src_path, references_page)
    pieces: list[str] = []
    last = 0
    for line, start, end, match in citations(markdown, src_path, first_line):
        key = match["key"]
        ref = references.get(key)
        if ref is None:
            raise unknown_key(src_path, line, key)
        label = format_citation(ref, match["page"], year_only=bool(match["year_only"]))
        pieces.append(markdown[last:start])
        pieces.append(f"([{label}]({target}#{key}))")
        last = end
    pieces.append(markdown[last:])
    return "".join(pieces)


# ---------------------------------------------------------------- the references page


def entry_context(ref: Reference) -> dict[str, object]:
    """What the references template needs for one entry."""
    return {
        "id": ref.id,
        "type": ref.type,
        "formatted": harvard.entry_html(ref.csl, ref.links),
        "short": harvard.short_html(ref.csl),
        "parts": ref.parts,
    }


def render_references(
    references: dict[str, Reference], downloads: dict[str, str] | None = None
) -> str:
    """Markdown (headings) and HTML (entries) for the references page, grouped by role.

    Each entry appears once with its anchor (id = key) in the group of its role; groups named in
    also_listed show a short pointer to that entry, as the original module lists some items twice.
    downloads: {format name: docs-relative link} of the list as files for reference managers.
    """
    groups = []
    for role, heading in GROUPS.items():
        entries = [entry_context(r) for r in references.values() if r.role == role]
        pointers = [entry_context(r) for r in references.values() if role in r.also_listed]
        if entries or pointers:
            groups.append(
                {"role": role, "heading": heading, "entries": entries, "pointers": pointers}
            )
    return render("references.html", groups=groups, downloads=downloads or {})
