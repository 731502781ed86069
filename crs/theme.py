"""Small fixes to the theme's output, made on the built HTML so no Material partial is forked.

A forked partial silently falls behind on every Material upgrade; a fix applied here stops the
build instead when the markup it expects is no longer there.
"""

from __future__ import annotations

import re

# Material's search dialog (partials/search.html) has role="dialog" but no accessible name
# (axe: aria-dialog-name). It gets the label of its own search field, so it follows the
# theme's language.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_FIELD_LABEL = re.compile(
    r'<input type="text" class="md-search__input"[^>]*?aria-label="([^"]*)"'
)


class ThemeChanged(Exception):
    """The theme's markup is not what a fix here was written for (after a Material upgrade)."""


def label_search_dialog(html: str) -> str:
    """The page with its search dialog named; pages without search come back unchanged."""
    if 'data-md-component="search"' not in html:
        return html
    label = _SEARCH_FIELD_LABEL.search(html)
    if html.count(SEARCH_DIALOG) != 1 or label is None:
        raise ThemeChanged(
            "Material's search dialog markup changed: crs/theme.py expected one "
            f"'{SEARCH_DIALOG}' and a labelled search field; update label_search_dialog"
        )
    return html.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{label.group(1)}">')
