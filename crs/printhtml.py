"""One page's HTML inside the one print document (pure): its ids scoped to the page, so pages
cannot clash; its links made internal, or dropped where they lead to a page left out; and its
headings, for the contents and the answer key's "where"."""

from __future__ import annotations

import posixpath
import re
from types import SimpleNamespace

_ID_ATTRS = re.compile(r'(\s(?:id|for|headers|aria-labelledby|aria-describedby)=")([^"]*)(")')
_HREF = re.compile(r'\shref="([^"]*)"')
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ATTR_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def scope_of(src: str) -> str:
    """The id prefix of a page in the print document: 'models.md' -> 'models'."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", src.rsplit(".", 1)[0]).strip("-")


def scoped_href(href: str, src: str, printed: set[str]) -> str | None:
    """A link of page `src` as it works inside the one PDF; None when it points at a page left
    out (the link text stays, as plain text)."""
    scope = scope_of(src)
    if href.startswith("#"):
        return f"#{scope}--{href[1:]}" if href[1:] else f"#{scope}"
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):  # http:, https:, mailto:
        return href
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path)) if path else ""
    stem = target.rsplit(".", 1)[0] if target.endswith((".md", ".html")) else None
    if stem is None or scope_of(stem + ".md") not in printed:
        return None
    target_scope = scope_of(stem + ".md")
    return f"#{target_scope}--{fragment}" if fragment else f"#{target_scope}"


def scope_ids(html: str, src: str, printed: set[str]) -> str:
    """Prefix every id (and what refers to one) with the page's scope, so pages cannot clash."""
    scope = scope_of(src)

    def ids(match: re.Match) -> str:
        tokens = " ".join(f"{scope}--{token}" for token in match.group(2).split())
        return f"{match.group(1)}{tokens}{match.group(3)}"

    def href(match: re.Match) -> str:
        target = scoped_href(match.group(1), src, printed)
        return "" if target is None else f' href="{target}"'

    return _HREF.sub(href, _ID_ATTRS.sub(ids, html))


def headings(html: str) -> list[SimpleNamespace]:
    """Headings with an id, in order: level, id, plain text (screen-only ones left out)."""
    found = []
    for match in _HEADING.finditer(html):
        attrs = match.group(2)
        anchor = _ATTR_ID.search(attrs)
        if anchor and "crs-screen-only" not in attrs:
            text = re.sub(r"\s+", " ", _TAG.sub("", match.group(3))).strip()
            found.append(SimpleNamespace(level=int(match.group(1)), id=anchor.group(1), text=text))
    return found
