"""HTML that cannot run: everything a script may insert as HTML, and all course text rendered
by crs.coursetext, passes sanitize_html.

What it may contain is handed to nh3 (the binding of the Rust sanitizer ammonia, which parses
like a browser does). Not listed means dropped: event handlers (on*), style, srcdoc, srcset,
formaction, form controls, frames, svg and math; script and style lose their content.
"""

from __future__ import annotations

from functools import lru_cache

import nh3

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


@lru_cache(maxsize=4096)  # quiz text is sanitised where rendered and again where embedded
def sanitize_html(fragment: str) -> str:
    """An HTML fragment with only inert markup left (see ALLOWED_TAGS)."""
    return _cleaner.clean(fragment)
