"""The bibliography as CSL-JSON and BibTeX: what a reader's reference manager imports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest

from crs import bibexport, harvard
from crs.bibliography import Reference, load_references

ROOT = Path(__file__).parent.parent
REFERENCES = load_references(ROOT / "docs" / "_data" / "references.yml")


@pytest.fixture(scope="module")
def library():
    library = bibtexparser.parse_string(bibexport.bibtex(REFERENCES))
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library


def _plain(value: str) -> str:
    """A BibTeX value as a reader sees it: braces and LaTeX escapes undone."""
    return re.sub(r"\\([&%$#_{}])", r"\1", value).replace("{", "").replace("}", "")


def test_every_entry_parses_with_its_key_and_type(library):
    assert [e.key for e in library.entries] == list(REFERENCES)
    for entry in library.entries:
        assert entry.entry_type == bibexport.BIBTEX_TYPES[REFERENCES[entry.key].type]


def test_every_entry_keeps_title_authors_and_year(library):
    for entry in library.entries:
        csl = REFERENCES[entry.key].csl
        fields = entry.fields_dict
        if harvard.title(csl):
            assert _plain(fields["title"].value) == harvard.title(csl), entry.key
        names = (
            [_plain(a.strip()) for a in fields["author"].value.split(" and ")]
            if csl.get("author")
            else []
        )
        assert [n.split(",")[0] for n in names] == [
            harvard.surname(a) for a in csl.get("author", ())
        ]
        year = harvard.year(csl)
        if year != harvard.NO_DATE:
            assert fields["year"].value == year, entry.key
        else:
            assert "year" not in fields, entry.key


def test_dois_urls_and_page_ranges_survive(library):
    entries = {e.key: e.fields_dict for e in library.entries}
    assert entries["ostrom-1996"]["pages"].value == "1073--1087"
    assert entries["steen-brandsen-2020"]["doi"].value == "10.1111/puar.13258"
    assert entries["hall-nguyen-2018"]["url"].value.startswith("http://www.paecon.net/")


def test_special_characters_are_escaped_and_bodies_kept_whole():
    ref = Reference(
        id="x",
        csl={
            "type": "report",
            "author": [
                {"literal": "Smith & Sons"},
                {"family": "Ryzin", "given": "G.", "non-dropping-particle": "van"},
            ],
            "title": "100% of {cases} #1",
        },
    )
    text = bibexport.bibtex({"x": ref})
    assert "author = {{Smith \\& Sons} and {van Ryzin}, G.}" in text
    assert "title = {100\\% of \\{cases\\} \\#1}" in text
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks and library.entries[0].key == "x"


def test_csl_json_is_the_csl_data_without_project_fields():
    items = json.loads(bibexport.csl_json(REFERENCES))
    assert [i["id"] for i in items] == list(REFERENCES)
    for item in items:
        assert not set(item) & {"role", "also_listed", "link_missing", "parts", "note"}
        assert item == REFERENCES[item["id"]].csl


def test_the_built_site_offers_both_files_on_the_references_page(site_dir):
    page = (site_dir / "references.html").read_text(encoding="utf-8")
    for name, path in bibexport.DOWNLOADS.items():
        assert f'href="{path}">{name}</a>' in page
        assert (site_dir / path).read_text(encoding="utf-8") == bibexport.files(REFERENCES)[path]
