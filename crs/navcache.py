"""Material's navigation, each top-level entry rendered once per distinct output, not per page.

Material renders the whole navigation into every page, so with one section per module each
added module costs more than the one before: a build does pages x modules nav entries.
`render_nav_once` has Material's partials/nav.html hand each top-level entry's rendering to
`NavCache`, which renders it through Material's own macro (the caller of the Jinja
`{% call %}`) only when no page rendered earlier in the build had the same output for it. The
partial is rewritten as the theme's loader reads it, not forked: a copy would silently fall
behind on a Material upgrade, the rewrite stops the build when its line is gone.

What Material 9.8.2's nav-item.html `render(item, path, 1)` reads, for an entry that does not
hold the page being rendered (not `active`): the entry and its descendants (titles, meta,
children, URLs: fixed for the build once MkDocs has read every page, which it does before
rendering any), `path` and level, `features` and `config.extra.status` (the same for every
page), `active` of the entry and its descendants (all false: MkDocs marks the page and its
ancestors), `page` only where a descendant is the page (never), `parent` only at level 2,
and each URL through the `url` filter: `get_relative_url(url, page.url)`. That depends on the
page only through the path from the page's folder to the URL's folder, unless the page's
folder lies inside a path the entry links to (a Link to `sub` with pages in `sub/`), where the
entry is rendered afresh. So the key is the entry, its path, level and the relative path from
the page's folder to each folder its URLs are in. The active entry, and every entry of a theme
page without a page (404.html, whose URLs start at the site's root), go to Material as before.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

import jinja2
from mkdocs.utils import get_relative_url

from crs.theme import ThemeChanged

NAV_TEMPLATE = "partials/nav.html"
_ENTRY = "{{ item.render(nav_item, path, 1) }}"
_CACHED_ENTRY = "{% call crs_nav_cache(nav_item, path, 1, page) %}" + _ENTRY + "{% endcall %}"


def _normalised(path: str) -> str:
    """A URL path as get_relative_url compares it: `..` and `.` resolved, no outer slashes."""
    return posixpath.normpath("/" + path)[1:]


def page_folder(url: str) -> str:
    """The folder get_relative_url resolves links from: the URL without its last part when that
    part names a file (has a dot), as mkdocs.utils.get_relative_url takes it."""
    head, _, last = url.rpartition("/")
    return _normalised(head if "." in last else url)


def _ancestors(folder: str) -> frozenset[str]:
    """The folder and every folder above it but the root."""
    parts = folder.split("/") if folder else []
    return frozenset("/".join(parts[: n + 1]) for n in range(len(parts)))


@dataclass(frozen=True)
class _Entry:
    entry: object  # held so that its id stays its own for the build
    folders: tuple[str, ...]  # the folders its URLs are in, each once
    targets: frozenset[str]  # what its URLs point at, as paths


def _urls(entry) -> list[str]:
    own = getattr(entry, "url", None)
    below = [url for child in getattr(entry, "children", None) or [] for url in _urls(child)]
    return ([own] if own is not None else []) + below


def _entry(entry) -> _Entry:
    paths = [_normalised(url) for url in _urls(entry)]
    folders = sorted({path.rpartition("/")[0] for path in paths})
    return _Entry(entry, tuple(folders), frozenset(paths))


class NavCache:
    """Called from the nav partial for each top-level entry; one per build, as the entries
    (and their titles) are new each build."""

    def __init__(self) -> None:
        self._entries: dict[int, _Entry] = {}
        self._relative: dict[tuple[str, str], str] = {}
        self._pages: dict[str, tuple[str, frozenset[str]]] = {}
        self._html: dict[tuple, str] = {}

    def key(self, entry, path: str, level: int, page_url: str) -> tuple | None:
        """What the entry's HTML depends on when rendered on the page at `page_url`, or None
        when it is to be rendered afresh."""
        found = self._entries.get(id(entry))
        if found is None:
            found = self._entries[id(entry)] = _entry(entry)
        if page_url not in self._pages:
            folder = page_folder(page_url)
            self._pages[page_url] = folder, _ancestors(folder)
        folder, above = self._pages[page_url]
        if not found.targets.isdisjoint(above):
            return None
        return (id(entry), path, level, *(self._relative_path(f, folder) for f in found.folders))

    def _relative_path(self, target: str, folder: str) -> str:
        pair = target, folder
        if pair not in self._relative:
            self._relative[pair] = get_relative_url(target + "/", folder + "/")
        return self._relative[pair]

    def __call__(self, entry, path: str, level: int, page, caller):
        if page is None or entry.active:
            return caller()
        key = self.key(entry, path, level, page.url)
        if key is None:
            return caller()
        if key not in self._html:
            self._html[key] = caller()
        return self._html[key]


def cached_nav_source(source: str, filename: str | None) -> str:
    """Material's nav partial with each top-level entry rendered through `crs_nav_cache`."""
    if source.count(_ENTRY) != 1:
        raise ThemeChanged(
            f"{filename}: crs/navcache.py expected the theme's nav partial to render each "
            f"top-level entry with one '{_ENTRY}'; update cached_nav_source"
        )
    return source.replace(_ENTRY, _CACHED_ENTRY)


class _CachedNavLoader(jinja2.BaseLoader):
    def __init__(self, theirs: jinja2.BaseLoader) -> None:
        self.theirs = theirs

    def get_source(self, environment, template):
        source, filename, uptodate = self.theirs.get_source(environment, template)
        if template == NAV_TEMPLATE:
            source = cached_nav_source(source, filename)
        return source, filename, uptodate

    def list_templates(self):
        return self.theirs.list_templates()


def render_nav_once(env: jinja2.Environment) -> None:
    """The build's templates with the navigation cached, on a fresh NavCache (MkDocs makes a
    new environment each build, serve's rebuilds included). The partial is read here so that
    a theme without the expected line stops the build before any page is rendered."""
    loader = _CachedNavLoader(env.loader)
    loader.get_source(env, NAV_TEMPLATE)
    env.loader = loader
    env.globals["crs_nav_cache"] = NavCache()
