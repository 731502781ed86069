"""Page references (`target-counter(attr(href url), page)`: the contents, "(p. N)") laid out in
as few passes as WeasyPrint 70 allows. Installed by crs/pdf.py before any layout.

WeasyPrint lays out every page that holds a page reference three times (two thirds of the
tutor PDF's re-layouts), because of three faults of version 70 (css/targets.py,
formatting_structure/build.py, layout/__init__.py):

1. A reference written with attr() is filed under the anchor name None, so laying out its
   target never updates it; it is only refreshed after its own page is laid out.
2. The same list doubles as the reference's "local" counters (a reused variable name), so a
   reference is re-parsed, and its page laid out again, whenever its page's counters differ
   from those cached, which is always the first time.
3. The total page count is part of the counters compared, and it changes from 0 to the real
   total after the first pass: every page laid out again in the second pass is laid out a
   third time.

Here (1) files the reference under its anchor, (2) drops the doubled list, (3) carries the
total into the cached counters, and a reference whose target is already laid out (the answer
key's back references) is filled in before its page is laid out rather than after. A page
holding a reference to a later page (the contents) is then laid out twice, any other once.
tests/test_pdf.py checks every printed page number against the page its target is on.
"""

from __future__ import annotations

from types import ModuleType

# The WeasyPrint version whose internals these corrections were written against; any other
# version lays out with its own passes (slower, still right).
VERSION = "70.0"


def install(weasyprint: ModuleType) -> bool:
    """Patch WeasyPrint's pagination once; False when its version is not the one known."""
    if weasyprint.__version__ != VERSION:
        return False
    from weasyprint import layout
    from weasyprint.css import targets
    from weasyprint.layout import page

    collector = targets.TargetCollector
    if getattr(collector.collect_missing_counters, "crs_pagerefs", False):
        return True
    collector.collect_missing_counters = _collect(collector.collect_missing_counters)
    layout.make_all_pages = _repaginate(layout.make_all_pages)
    page.make_page = _fill_known_references(page.make_page)
    return True


def anchor_of(box, css_token: str) -> str | None:
    """The anchor a box's `target-counter(attr(...))` points at (None if none, or external)."""
    from weasyprint.urls import get_url_tuple

    if css_token != "content":
        return None
    for kind, value in box.style["content"]:
        anchor = value[0] if kind in ("target-counter()", "target-counters()") else None
        if anchor and anchor[0] == "attr()":
            name, _type, fallback = anchor[1]
            url = get_url_tuple(box.element.get(name, fallback), box.style.base_url)
            if url and url[0] == "internal":
                return url[1]
    return None


def _collect(original):
    def collect_missing_counters(
        self, parent_box, css_token, parse_again, missing_counters, missing_target_counters
    ):
        if None in missing_target_counters:  # fault 1
            names = missing_target_counters.pop(None)
            anchor = anchor_of(parent_box, css_token)
            if anchor is not None:
                missing_target_counters.setdefault(anchor, names)
        if any(missing_counters is names for names in missing_target_counters.values()):
            missing_counters = []  # fault 2
        return original(
            self, parent_box, css_token, parse_again, missing_counters, missing_target_counters
        )

    collect_missing_counters.crs_pagerefs = True
    return collect_missing_counters


def _repaginate(original):
    def make_all_pages(context, root_box, html, pages):
        if pages:  # a new pass: WeasyPrint has just set every page's total (fault 3)
            total = [len(pages)]
            collector = context.target_collector
            items = (
                *collector.counter_lookup_items.values(),
                *collector.target_lookup_items.values(),
            )
            for item in items:
                if item.cached_page_counter_values:
                    item.cached_page_counter_values["pages"] = total
        return original(context, root_box, html, pages)

    return make_all_pages


def _fill_known_references(original):
    def make_page(context, root_box, page_type, resume_at, page_number, page_state):
        # Pending: the target is laid out but the reference is not yet; filled in now, so its
        # page is laid out once, with the number.
        for item in context.target_collector.counter_lookup_items.values():
            if item.pending:
                item.parse_again(item.cached_page_counter_values)
                item.pending = False
        return original(context, root_box, page_type, resume_at, page_number, page_state)

    return make_page
