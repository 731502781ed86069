"""Fixes made to Material's output instead of forking its partials (crs/theme.py)."""

from pathlib import Path

import material
import pytest

from crs.theme import SEARCH_DIALOG, ThemeChanged, label_search_dialog

MATERIAL_SEARCH = Path(material.__file__).parent / "templates" / "partials" / "search.html"


def test_the_pinned_material_search_partial_still_has_the_markup_the_fix_expects():
    partial = MATERIAL_SEARCH.read_text(encoding="utf-8")
    assert partial.count(SEARCH_DIALOG) == 1
    assert 'class="md-search__input" name="query" aria-label=' in partial


def test_no_partial_of_material_is_forked():
    forked = Path(__file__).parent.parent / "overrides" / "partials"
    theirs = MATERIAL_SEARCH.parent
    assert not [p.name for p in forked.glob("*.html") if (theirs / p.name).exists()]


def test_the_search_dialog_gets_its_search_field_label():
    field = '<input type="text" class="md-search__input" name="query" aria-label="Suche">'
    html = SEARCH_DIALOG + field
    assert (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Suche">'
        in (label_search_dialog(html))
    )


def test_a_page_without_search_is_left_alone():
    assert label_search_dialog("<p>no search</p>") == "<p>no search</p>"


def test_changed_theme_markup_stops_the_build():
    with pytest.raises(ThemeChanged, match="search dialog markup changed"):
        label_search_dialog('<div class="md-search" data-md-component="search">')


def test_every_built_pages_search_dialog_is_named(site_pages):
    """Pages from Markdown and the theme's own (404.html) alike."""
    assert any(p.name == "404.html" for p in site_pages)
    for page in site_pages:
        html = page.read_text(encoding="utf-8")
        if 'data-md-component="search"' in html:
            assert f'{SEARCH_DIALOG[:-1]} aria-label="Search">' in html, page.name
