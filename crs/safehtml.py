"""Course text to safe HTML: quiz text and feedback go through a copy of the page's Markdown
pipeline, but raw HTML never runs. Everything a script may insert as HTML passes sanitize_html.

Used by the quiz renderer, the tutor guide and the PDF.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from html.parser import HTMLParser
from typing import Any

import markdown
from markupsafe import Markup

# The page pipeline's text extensions (mkdocs.yml), for rendering outside a build. Left out of
# any pipeline (_EXCLUDED_EXTENSIONS): crs.blocks (a quiz in a quiz), file inclusion (snippets,
# markdown_include), toc and footnotes (ids that would clash with the page's), md_in_html (raw
# HTML), tasklist (form controls, which the sanitiser would show as text).
QUIZ_MARKDOWN_EXTENSIONS = (
    "abbr",
    "attr_list",
    "def_list",
    "tables",
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.tilde",
    "pymdownx.smartsymbols",
    "pymdownx.superfences",
)
_EXCLUDED_EXTENSIONS = {
    "crs.blocks",
    "pymdownx.snippets",
    "markdown_include.include",
    "toc",
    "footnotes",
    "md_in_html",
    "pymdownx.tasklist",
    "markdown.extensions.toc",
}

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


@cache  # quiz text is sanitised where rendered and again where embedded
def sanitize_html(fragment: str) -> str:
    """An HTML fragment with only inert markup left (see _Sanitizer)."""
    parser = _Sanitizer()
    parser.feed(fragment)
    parser.close()
    if parser.rawdata:  # an unfinished tag at the very end: keep it as text
        parser.out.append(html.escape(parser.rawdata))
    return "".join(parser.out)


def markdown_renderer(
    extensions: Iterable[Any] = QUIZ_MARKDOWN_EXTENSIONS,
    extension_configs: Mapping[str, dict] | None = None,
) -> Callable[[str], str]:
    """A Markdown-to-HTML function for quiz text: the given (page) extensions minus those that
    cannot apply to quiz text, raw HTML escaped as text, and the result sanitised."""
    names = [e for e in extensions if not (isinstance(e, str) and e in _EXCLUDED_EXTENSIONS)]
    configs = {k: v for k, v in (extension_configs or {}).items() if k not in _EXCLUDED_EXTENSIONS}
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
        if name in registry:
            registry.deregister(name)

    # The same text is rendered for a lesson, the workspace, the assignment page and the guide.
    @cache
    def to_html(text: str) -> str:
        md.reset()
        return sanitize_html(md.convert(text))

    return to_html


_renderers: dict[str, Callable[[str], str]] = {}


def use_page_pipeline(extensions: Iterable[Any], configs: Mapping[str, dict]) -> None:
    """Render course text from now on with the page pipeline of mkdocs.yml (crs.site.load calls
    this for every build), so an extension added there applies to quiz text too."""
    _renderers["page"] = markdown_renderer(extensions, configs)


def render_markdown_safely(text: str) -> str:
    """Quiz Markdown to inert HTML: with the page pipeline once a build has set it, else with
    QUIZ_MARKDOWN_EXTENSIONS (see markdown_renderer)."""
    if "page" not in _renderers:
        _renderers["page"] = markdown_renderer()
    return _renderers["page"](text)


def markdown_block(text: str) -> Markup:
    """Quiz Markdown as safe HTML for a template."""
    return Markup(render_markdown_safely(text))


def markdown_inline(text: str) -> Markup:
    """One paragraph of quiz Markdown as safe HTML without its <p> wrapper."""
    return inline_html(render_markdown_safely(text))


def inline_html(html_text: str) -> Markup:
    """One rendered paragraph without its <p> wrapper (for legends, labels and list items)."""
    text = html_text.strip()
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        text = text[3:-4]
    return Markup(text)
