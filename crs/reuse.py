"""Pages `mkdocs serve --dirty` (scripts/serve) need not build again after a save.

MkDocs rebuilds every page on every save, and Material renders the whole navigation into each
one, so a save costs a full build: seconds at 40 modules. A page's HTML is a function of its
own source and of what every page shares: mkdocs.yml, the templates and theme overrides, quiz
and data files, includes, every page's front matter and headings (titles in the navigation),
the course summary every page carries, and the list of files. A page whose source and shared
inputs are both unchanged since it was last written is left as it is: MkDocs' dirty build
skips it (`File.is_modified`), and the hook puts back what the rest of the build reads from
it (front matter and title for the navigation, anchors for link checks, its own links to
check again against the pages that did change). A page that places a marker (crs.shortcodes)
gathers from the whole course: its key is its Markdown as filled from the course model
(crs.pages.fill_page), which the build would convert, so it is kept only while what it gathers
is unchanged. The notebook, and any page MkDocs does not list in the navigation, is always
built. A change to what pages share builds everything from a clean folder, so a removed page
leaves nothing behind.

Only a build that ends without a warning is remembered, so a page that warned (and failed a
strict build) is built, and warns, again. Plain `mkdocs build` never reuses anything.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data

from crs import course, pages, shortcodes
from crs.model import CourseModel

_HEADING = re.compile(r"^#[^#].*$", re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@dataclass(frozen=True)
class Kept:
    """What the rest of a build reads from a page it does not build again."""

    key: str
    meta: dict
    title_from_render: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]]  # target src_uri -> anchor -> link as written


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _stamp(folder: Path, skip: set[Path] = frozenset()) -> list:
    if not folder.is_dir():
        return []
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_mtime_ns, p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file() and p not in skip
    )


def shared_digest(config, files: Files, summary: dict, watched: list[Path]) -> str:
    """Digest of what every page's HTML may depend on besides its own source."""
    pages = {Path(f.abs_src_path): f for f in files.documentation_pages()}
    outline = []
    for path, file in sorted(pages.items()):
        text = path.read_text(encoding="utf-8")
        front = _FRONT_MATTER.match(text)
        outline.append((file.src_uri, front.group(0) if front else "", _HEADING.findall(text)))
    digest = hashlib.sha256()
    for part in (
        Path(config.config_file_path).read_bytes().decode("utf-8"),
        config.site_url or "",
        sorted((f.src_uri, f.url) for f in files),
        outline,
        summary,
        _stamp(Path(config.docs_dir), set(pages)),
        *(_stamp(folder) for folder in watched),
    ):
        digest.update(json.dumps(part, sort_keys=True, default=str).encode() + b"\0")
    return digest.hexdigest()


class PageReuse:
    """Across the builds of one `mkdocs serve --dirty`: what each page was last written from."""

    def __init__(self) -> None:
        self.kept: dict[str, Kept] = {}
        self.shared = ""
        self._keys: dict[str, str] = {}
        self._written: dict[str, Kept] = {}
        self._warnings = _Warnings()
        self._filled: dict[tuple[str, str], tuple[str, dict[str, str]]] = {}

    def begin(self) -> None:
        self._written = {}
        self._keys = {}
        self._filled = {}
        self._warnings.count = 0
        logging.getLogger("mkdocs").addHandler(self._warnings)

    def fill(
        self, markdown: str, src: str, url: str, model: CourseModel, first_line: int
    ) -> tuple[str, dict[str, str]]:
        """crs.pages.fill_page with its held components, once a build for each page (plan fills
        the marker pages first)."""
        if (src, markdown) not in self._filled:
            held: dict[str, str] = {}
            text = pages.fill_page(markdown, src, url, model, first_line, held)
            self._filled[src, markdown] = (text, held)
        return self._filled[src, markdown]

    def plan(self, files: Files, shared: str, model: CourseModel) -> tuple[bool, set[str]]:
        """Mark each page built or kept; returns (everything built anew, src_uris kept)."""
        fresh = shared != self.shared
        if fresh:
            self.kept = {}
        self.shared = shared
        kept = set()
        for file in files.documentation_pages():
            key = self._key(file, shared, model)
            self._keys[file.src_uri] = key
            before = self.kept.get(file.src_uri)
            reuse = (
                key is not None
                and before is not None
                and before.key == key
                and file.page is not None
                and Path(file.abs_dest_path).is_file()
            )
            file.is_modified = (lambda: False) if reuse else (lambda: True)
            if reuse:
                _restore(file.page, before, files)
                kept.add(file.src_uri)
        return fresh, kept

    def _key(self, file, shared: str, model: CourseModel) -> str | None:
        """A page's key, or None for a page that is always built."""
        if not file.src_uri.endswith(".md") or file.page is None:
            return None
        source = Path(file.abs_src_path).read_text(encoding="utf-8")
        filled = ""
        if shortcodes.uses(source):
            body, _ = get_data(source)
            start = course.body_start_line(source)
            filled = json.dumps(self.fill(body, file.src_uri, file.url, model, start))
        text = f"{shared}\0{file.src_uri}\0{source}\0{filled}"
        return hashlib.sha256(text.encode()).hexdigest()

    def written(self, page) -> None:
        key = self._keys.get(page.file.src_uri)
        if key is not None:
            self._written[page.file.src_uri] = Kept(
                key=key,
                meta=dict(page.meta),
                title_from_render=page._title_from_render,
                anchors=frozenset(page.present_anchor_ids or ()),
                links_to_anchors={
                    target.src_uri: dict(links)
                    for target, links in (page.links_to_anchors or {}).items()
                },
            )

    def end(self, succeeded: bool) -> None:
        """Remember this build's pages, if it ended without a warning; else nothing at all."""
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if succeeded and not self._warnings.count:
            self.kept.update(self._written)
        else:
            self.kept, self.shared = {}, ""
        self._written = {}


def _restore(page, kept: Kept, files: Files) -> None:
    # MkDocs gives a page a title only once it has read its source and rendered it; the page's
    # file on disk has the rest.
    page.markdown = page.content = ""
    page.meta = dict(kept.meta)
    page._title_from_render = kept.title_from_render
    page.present_anchor_ids = set(kept.anchors)
    page.links_to_anchors = {
        target: dict(links)
        for src, links in kept.links_to_anchors.items()
        if (target := files.get_file_from_path(src)) is not None
    }


def drop_search_entries(search_plugin, urls: set[str]) -> None:
    """Material's search plugin, in a dirty build, merges the entries of the pages it indexed
    into the last index, but drops the old entries of only one of them: drop those of every
    page built anew (`urls`), so none is listed twice."""
    previous = getattr(search_plugin, "search_index_prev", None)
    if previous is not None:
        previous.entries = [
            entry for entry in previous.entries if entry["location"].split("#")[0] not in urls
        ]
