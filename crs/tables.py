"""Wide tables on narrow screens: each table of a page is put in a container that scrolls
sideways on its own, so the page itself never does (WCAG 1.4.10 reflow). The container is a
labelled region a keyboard user can focus and scroll with the arrow keys; its label is the
table's caption, or else its first header cell."""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_CAPTION = re.compile(r"<caption\b([^>]*)>(.*?)</caption>", re.S)
_HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def scrollable_tables(page_html: str, prefix: str = "crs-table") -> str:
    count = 0

    def wrap(match: re.Match) -> str:
        nonlocal count
        count += 1
        table = match.group(0)
        caption = _CAPTION.search(table)
        if caption:
            found = _ID.search(caption.group(1))
            caption_id = found.group(1) if found else f"{prefix}-{count}-caption"
            if not found:
                start = caption.start() + len("<caption")
                table = f'{table[:start]} id="{caption_id}"{table[start:]}'
            label = f'aria-labelledby="{caption_id}"'
        else:
            header = _HEADER.search(table)
            name = _plain(header.group(1)) if header else f"{count}"
            label = f'aria-label="{html.escape(f"Table: {name}")}"'
        return f'<div class="crs-table-scroll" role="region" tabindex="0" {label}>{table}</div>'

    return _TABLE.sub(wrap, page_html)
