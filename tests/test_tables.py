"""Wide tables scroll in their own labelled, focusable region (crs/tables.py)."""

from __future__ import annotations

from crs.tables import scrollable_tables


def test_a_table_with_a_caption_is_labelled_by_it():
    out = scrollable_tables(
        "<p>x</p><table><caption>The matrix</caption><tr><td>1</td></tr></table>"
    )
    assert out.startswith('<p>x</p><div class="crs-table-scroll" role="region" tabindex="0"')
    assert 'aria-labelledby="crs-table-1-caption"' in out
    assert '<caption id="crs-table-1-caption">The matrix</caption>' in out
    assert out.endswith("</table></div>")


def test_a_caption_keeps_its_own_id_and_a_table_without_one_is_named_by_its_header():
    out = scrollable_tables(
        '<table><caption id="own">A</caption></table>'
        "<table><thead><tr><th>Time &amp; place</th></tr></thead></table>"
    )
    assert 'aria-labelledby="own"' in out and out.count("crs-table-scroll") == 2
    assert 'aria-label="Table: Time &amp; place"' in out
