"""Reading built HTML pages: links, sources and ids, with the standard library only."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class PageRefs:
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag.attr, url)
    ids: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = PageRefs()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.refs.ids.add(value)
            if name in ("href", "src", "data", "poster", "action") and value is not None:
                self.refs.links.append((f"{tag}.{name}", value))
            if name == "srcset" and value:
                for part in value.split(","):
                    self.refs.links.append((f"{tag}.srcset", part.strip().split(" ")[0]))


def page_refs(path: Path) -> PageRefs:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.refs


def is_external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//", "mailto:"))
