"""HTML that cannot run: everything a script may insert as HTML, and all course text rendered
by crs.coursetext, passes sanitize_html."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

_ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "var",
}
_VOID_TAGS = {"br", "hr", "img"}
_URL_ATTRS = {
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "poster",
    "background",
    "longdesc",
    "xlink:href",
    "data",
}
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_DROPPED_ATTRS = {"style", "srcdoc", "srcset"}
_ATTR_NAME = re.compile(r"^[a-z][a-z0-9_:.-]*$")


def _safe_url(value: str) -> bool:
    compact = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", compact)
    return scheme is None or scheme.group(1) in _SAFE_SCHEMES


class _Sanitizer(HTMLParser):
    """Rebuilds HTML keeping only an allow-list of tags; anything else is shown as inert text.
    Event handlers (on*), style and non-web URL schemes (javascript:, data:...) are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def _attrs(self, attrs: list[tuple[str, str | None]]) -> str:
        kept = []
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on") or name in _DROPPED_ATTRS or not _ATTR_NAME.match(name):
                continue
            if name in _URL_ATTRS and not _safe_url(value or ""):
                continue
            if value is None:
                kept.append(f" {name}")
            else:
                kept.append(f' {name}="{html.escape(value, quote=True)}"')
        return "".join(kept)

    def handle_starttag(self, tag, attrs):
        if tag in _ALLOWED_TAGS:
            self.out.append(f"<{tag}{self._attrs(attrs)}>")
        else:
            self.out.append(html.escape(self.get_starttag_text() or f"<{tag}>"))

    def handle_startendtag(self, tag, attrs):
        if tag in _ALLOWED_TAGS:
            self.out.append(
                f"<{tag}{self._attrs(attrs)}>"
                if tag in _VOID_TAGS
                else f"<{tag}{self._attrs(attrs)}></{tag}>"
            )
        else:
            self.out.append(html.escape(self.get_starttag_text() or f"<{tag} />"))

    def handle_endtag(self, tag):
        if tag in _ALLOWED_TAGS:
            if tag not in _VOID_TAGS:
                self.out.append(f"</{tag}>")
        else:
            self.out.append(html.escape(f"</{tag}>"))

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def handle_entityref(self, name):
        self.out.append(
            f"&{name};" if f"&{name};" != html.unescape(f"&{name};") else f"&amp;{name};"
        )

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


@lru_cache(maxsize=4096)  # quiz text is sanitised where rendered and again where embedded
def sanitize_html(fragment: str) -> str:
    """An HTML fragment with only inert markup left (see _Sanitizer)."""
    parser = _Sanitizer()
    parser.feed(fragment)
    parser.close()
    if parser.rawdata:  # an unfinished tag at the very end: keep it as text
        parser.out.append(html.escape(parser.rawdata))
    return "".join(parser.out)
