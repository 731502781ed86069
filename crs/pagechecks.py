"""The checks of a page's Markdown that need more than the page: includes, markers, citations
and links with their anchors. Run by the course load on every page MkDocs builds, each fault at
the line the author edits, all of them in one run."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils.meta import get_data

from crs import bibliography, includes, links, schemacheck, shortcodes
from crs.course import body_start_line
from crs.errors import CourseError
from crs.grounding import page_sections
from crs.project import INCLUDE_EXTENSION, Project

# Ids the course's blocks give their elements (crs/blocks.py, crs/templates/quiz.html).
_BLOCK_IDS = {"reflection": "reflect-{}", "quiz": "crs-quiz-{}"}
_BLOCK = re.compile(r"^ {0,3}/{3,}\s*(reflection|quiz)\s*\|\s*(\S+)", re.M)


@dataclass
class PageChecks:
    docs: Path
    include_base: Path
    # None when the data file did not load: its own fault is reported, not one per use.
    references: Mapping | None = None
    term_ids: frozenset[str] | None = None
    _anchors: dict[str, set[str] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, project: Project, references, terms) -> PageChecks:
        base = project.extension_configs.get(INCLUDE_EXTENSION, {}).get("base_path", ".")
        return cls(
            project.docs,
            (project.root / base).resolve(),
            references,
            None if terms is None else frozenset(term.id for term in terms),
        )

    def anchors_of(self, src: str) -> set[str] | None:
        """Every id a built page will have: headings, written ids, blocks, filled markers."""
        if src not in self._anchors:
            path = self.docs / src
            self._anchors[src] = self._read_anchors(path) if path.is_file() else None
        return self._anchors[src]

    def _read_anchors(self, path: Path) -> set[str] | None:
        text = path.read_text(encoding="utf-8")
        inlined = includes.inline(text, self.include_base)
        anchors = {section.anchor for section in page_sections(inlined)}
        anchors |= links.written_ids(inlined)
        anchors |= {_BLOCK_IDS[kind].format(i) for kind, i in _BLOCK.findall(text)}
        placed = shortcodes.markers(text)
        for name, ids in (("references", self.references), ("glossary", self.term_ids)):
            if name in placed:
                if ids is None:
                    return None  # the filled ids are unknown: the data file's fault is reported
                anchors |= set(ids)
        return anchors

    def glossary_links(self, terms, path: Path) -> list[CourseError]:
        """Each glossary term links to its lesson's heading: that page and anchor exist (the
        glossary is raw HTML, which MkDocs does not check)."""
        lines = _key_lines(path)
        found = []
        for term in terms:
            key_lines = lines.get(term.id, {})
            anchors = self.anchors_of(term.page)
            if anchors is None and not (self.docs / term.page).is_file():
                found.append(
                    CourseError(
                        path,
                        key_lines.get("page"),
                        f"term '{term.id}' expected a page {self.docs.name}/{term.page}, "
                        "found no such file",
                    )
                )
            elif anchors is not None and term.anchor and term.anchor not in anchors:
                found.append(
                    CourseError(
                        path,
                        key_lines.get("anchor"),
                        f"term '{term.id}' expected an anchor of {self.docs.name}/{term.page}, "
                        f"found no '#{term.anchor}' there (its anchors: "
                        f"{', '.join(sorted(anchors)) or 'none'})",
                    )
                )
        return found

    def check(self, text: str, src: str, label: str) -> list[CourseError]:
        body, meta = get_data(text)
        first = body_start_line(text)
        found = includes.missing(body, label, self.include_base, first)
        found += shortcodes.unknown(body, label, first)
        try:
            shortcodes.page_bundle(body, meta, src, first)
        except CourseError as error:
            found.append(error)
        if self.references is not None:
            found += _check_citations(body, label, self.references, first)
        found += links.check_links(body, src, label, self.docs, self.anchors_of, first)
        return found


def _check_citations(body: str, label: str, references: Mapping, first: int) -> list[CourseError]:
    """Every malformed citation and every unknown key of a page."""
    found: list[CourseError] = []
    for line, _, _, match in bibliography.citations(body, label, first, found):
        if match["key"] not in references:
            found.append(bibliography.unknown_key(label, line, match["key"]))
    return found


def _key_lines(path: Path) -> dict[str, dict[str, int]]:
    """id -> {key: line} of a data file already loaded and checked (a list of mappings)."""
    root = schemacheck.compose_file(path, str(path))
    found = {}
    for node in root.value if root is not None else []:
        keys = {key.value: (schemacheck.line(key), value) for key, value in node.value}
        if "id" in keys:
            found[keys["id"][1].value] = {key: line for key, (line, _) in keys.items()}
    return found
