"""The course bibliography: one data file (docs/_data/references.yml), citations and the list.

    references.yml --load_references--> {id: Reference}
    lesson Markdown  --expand_citations--> "[@key]" becomes "(Author, Year)" linked to its entry
    {id: Reference} --render_references--> the grouped list on the references page

Citation syntax in lessons: ``[@key]`` (Author, Year), ``[@key:11]`` (Author, Year:11) and
``[-@key]`` (Year) for a sentence that already names the author.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from crs.errors import CourseError
from crs.templating import render
from crs.yamlnodes import Entry, check_fields, describe, load_by_id

TYPES = ("article", "book", "chapter", "report", "web", "video")

# Groups of the references page, in page order: role -> heading.
GROUPS = {
    "key-reference": "Key references",
    "further-reading": "Further readings and videos",
    "activity": "Resources used in the activities",
    "source": "Sources",
}

FIELDS = (
    "id",
    "type",
    "authors",
    "year",
    "title",
    "container",
    "volume",
    "issue",
    "pages",
    "doi",
    "url",
    "role",
    "also_listed",
    "link_missing",
    "parts",
    "note",
)
REQUIRED = ("id", "type", "title", "role")

KEY = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_KEY_RE = re.compile(rf"^{KEY}$")
_CITATION_RE = re.compile(rf"\[(?P<year_only>-?)@(?P<key>{KEY})(?::(?P<page>[^\]\s][^\]]*))?\]")
_CANDIDATE_RE = re.compile(r"\[-?@[^\]\n]*\]")
_FENCE_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)\1")
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")


@dataclass(frozen=True)
class Reference:
    id: str
    type: str
    authors: tuple[str, ...]
    year: int | None
    title: str
    container: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    url: str = ""
    role: str = "source"
    note: str = ""
    also_listed: tuple[str, ...] = ()
    link_missing: bool = False
    parts: tuple[str, ...] = ()

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def links(self) -> tuple[str, ...]:
        """Addresses to show, DOI first; a URL that only repeats the DOI is shown once."""
        found = [self.doi_url] if self.doi else []
        if self.url and self.url != self.doi_url:
            found.append(self.url)
        return tuple(found)


# ---------------------------------------------------------------- loading


def load_references(path: Path) -> dict[str, Reference]:
    """Read and check references.yml; every problem names the file and the line to fix."""
    return {key: ref for key, (ref, _) in load_by_id(path, _reference).items()}


def _reference(path: Path, entry: Entry) -> Reference:
    values = entry.values
    check_fields(path, entry, FIELDS, REQUIRED)

    def text(key: str, *, required: bool = False) -> str:
        value = values.get(key, "")
        if value is None:
            value = ""
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise CourseError(
                path, entry.line_of(key), f"expected '{key}' to be text, found {describe(value)}"
            )
        value = str(value).strip()
        if required and not value:
            raise CourseError(path, entry.line_of(key), f"expected a non-empty '{key}', found none")
        return value

    def text_list(key: str) -> tuple[str, ...]:
        value = values.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise CourseError(
                path,
                entry.line_of(key),
                f"expected '{key}' to be a list of non-empty texts, found {describe(value)}",
            )
        return tuple(v.strip() for v in value)

    ref_id = text("id", required=True)
    if not _KEY_RE.match(ref_id):
        raise CourseError(
            path,
            entry.line_of("id"),
            f"expected an id in lower-case kebab-case (like 'boyle-harris-2009'), found '{ref_id}'",
        )
    ref_type = text("type", required=True)
    if ref_type not in TYPES:
        raise CourseError(
            path,
            entry.line_of("type"),
            f"expected 'type' to be one of {', '.join(TYPES)}; found '{ref_type}'",
        )
    role = text("role", required=True)
    also = text_list("also_listed")
    for key, roles in (("role", (role,)), ("also_listed", also)):
        for value in roles:
            if value not in GROUPS:
                raise CourseError(
                    path,
                    entry.line_of(key),
                    f"expected '{key}' to be one of {', '.join(GROUPS)}; found '{value}'",
                )
    if role in also:
        raise CourseError(
            path,
            entry.line_of("also_listed"),
            f"expected 'also_listed' to name other groups than the role, found '{role}' in both",
        )
    year = values.get("year")
    if year in ("", None):
        year = None
    elif isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 2999:
        raise CourseError(
            path,
            entry.line_of("year"),
            f"expected 'year' to be a four-digit year or empty, found {describe(year)}",
        )
    doi = text("doi")
    if doi and not _DOI_RE.match(doi):
        raise CourseError(
            path,
            entry.line_of("doi"),
            f"expected 'doi' as a bare DOI like '10.1111/puar.13258' (no https://doi.org/), "
            f"found '{doi}'",
        )
    url = text("url")
    if url and (not re.match(r"^https?://\S+$", url) or "\\" in url):
        raise CourseError(
            path,
            entry.line_of("url"),
            f"expected 'url' to be an http(s) address without spaces or backslashes, found '{url}'",
        )
    link_missing = values.get("link_missing", False)
    if not isinstance(link_missing, bool):
        raise CourseError(
            path,
            entry.line_of("link_missing"),
            f"expected 'link_missing' to be true or false, found {describe(link_missing)}",
        )
    return Reference(
        id=ref_id,
        type=ref_type,
        authors=text_list("authors"),
        year=year,
        title=text("title"),
        container=text("container"),
        volume=text("volume"),
        issue=text("issue"),
        pages=text("pages"),
        doi=doi,
        url=url,
        role=role,
        note=text("note"),
        also_listed=also,
        link_missing=link_missing,
        parts=text_list("parts"),
    )


# ---------------------------------------------------------------- citations


def _surname(author: str) -> str:
    return author.split(",", 1)[0].strip()


def author_names(ref: Reference) -> str:
    """Names as cited in the text: 'Ostrom', 'Boyle and Harris', 'Sorrentino et al.'."""
    surnames = [_surname(a) for a in ref.authors]
    if not surnames:
        return ref.title
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) == 2:
        return f"{surnames[0]} and {surnames[1]}"
    return f"{surnames[0]} et al."


def year_text(ref: Reference) -> str:
    return str(ref.year) if ref.year else "n.d."


def format_citation(ref: Reference, page: str | None = None, year_only: bool = False) -> str:
    """'Boyle and Harris, 2009:11', 'Sorrentino et al., 2018', or '1996' with year_only."""
    when = year_text(ref) + (f":{page}" if page else "")
    return when if year_only else f"{author_names(ref)}, {when}"


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


def _initials(given: str) -> str:
    parts = []
    for name in given.split():
        if name.endswith(".") or len(name) == 1:
            parts.append(name if name.endswith(".") else f"{name}.")
        else:
            parts.append("-".join(f"{piece[0]}." for piece in name.split("-") if piece))
    return " ".join(parts)


def listed_author(author: str) -> str:
    """'Wallace, Louise M.' -> 'Wallace, L. M.'; a body such as 'UNESCO' stays as written."""
    if "," not in author:
        return author
    surname, given = (part.strip() for part in author.split(",", 1))
    return f"{surname}, {_initials(given)}" if given else surname


def listed_authors(ref: Reference) -> str:
    names = [listed_author(a) for a in ref.authors]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _locator(ref: Reference) -> str:
    """'44(1): 1–23', 'Technical Dossier no. 4', '28 pp.'"""
    text = ref.volume
    if ref.issue:
        text = f"{text}({ref.issue})" if text else ref.issue
    if ref.pages:
        pages = re.sub(r"(?<=\d)-(?=\d)", "\u2013", ref.pages)
        text = f"{text}: {pages}" if text else pages
    return text


def entry_context(ref: Reference) -> dict[str, object]:
    """What the references template needs for one entry."""
    return {
        "id": ref.id,
        "type": ref.type,
        "authors": listed_authors(ref),
        "year": year_text(ref),
        "title": ref.title,
        "quoted_title": ref.type in ("article", "chapter", "web"),
        "container": ref.container,
        "locator": _locator(ref),
        "links": ref.links,
        "link_missing": ref.link_missing and not ref.links,
        "parts": ref.parts,
        "note": ref.note,
        "citation": format_citation(ref),
    }


def render_references(references: dict[str, Reference]) -> str:
    """Markdown (headings) and HTML (entries) for the references page, grouped by role.

    Each entry appears once with its anchor (id = key) in the group of its role; groups named in
    also_listed show a short pointer to that entry, as the original module lists some items twice.
    """
    groups = []
    for role, heading in GROUPS.items():
        entries = [entry_context(r) for r in references.values() if r.role == role]
        pointers = [entry_context(r) for r in references.values() if role in r.also_listed]
        if entries or pointers:
            groups.append(
                {"role": role, "heading": heading, "entries": entries, "pointers": pointers}
            )
    return render("references.html", groups=groups, group_headings=GROUPS)
