"""Course text to safe HTML: quiz text and feedback go through a copy of the page's Markdown
pipeline, but raw HTML never runs. Everything a script may insert as HTML passes sanitize_html.

Used by the quiz renderer, the tutor guide and the PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

import markdown
import nh3
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

# What quiz HTML may contain, handed to nh3 (the binding of the Rust sanitizer ammonia, which
# parses like a browser does). Not listed means dropped: event handlers (on*), style, srcdoc,
# srcset, formaction, form controls, frames, svg and math; script and style lose their content.
ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption cite code dd del details div dl dt em figcaption figure hr i "
    "img ins kbd li mark ol p pre q s small span strong sub summary sup table tbody td tfoot th "
    "thead tr u ul var".split()
)
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite"},
    "ins": {"cite"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
}
# Relative addresses (a page of the course, an image next to it) pass; any other scheme is dropped.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel=None,  # course links open in the same tab; nothing to protect with noopener
)


@cache  # quiz text is sanitised where rendered and again where embedded
def sanitize_html(fragment: str) -> str:
    """An HTML fragment with only inert markup left (see ALLOWED_TAGS)."""
    return _cleaner.clean(fragment)


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
