"""The bibliography: loading with file:line errors, citation expansion, the references list."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from crs.bibliography import (
    Reference,
    cited_keys,
    expand_citations,
    format_citation,
    load_references,
    render_references,
)
from crs.errors import CourseError

GOOD = """\
- id: boyle-harris-2009
  type: report
  author: [{family: Boyle, given: David}, {family: Harris, given: Michael}]
  issued: {date-parts: [[2009]]}
  title: "The Challenge of Co-production"
  publisher: nef
  publisher-place: London
  URL: "http://example.org/challenge.pdf"
  role: source
  also_listed: [further-reading]
- id: ostrom-1996
  type: article-journal
  author: [{family: Ostrom, given: Elinor}]
  issued: {date-parts: [[1996]]}
  title: "Crossing the Great Divide"
  container-title: "World Development"
  volume: "24"
  issue: "6"
  page: "1073-1087"
  role: source
- id: sorrentino-2018
  type: article-journal
  author:
    - {family: Sorrentino, given: Maddalena}
    - {family: Sicilia, given: Mariafrancesca}
    - {family: Howlett, given: Michael}
    - {family: Other, given: Anne}
  issued: {date-parts: [[2018]]}
  title: "Understanding co-production as a new public governance tool"
  DOI: "10.1080/14494035.2018.1521676"
  URL: "https://doi.org/10.1080/14494035.2018.1521676"
  role: further-reading
- id: lost-video
  type: motion_picture
  title: "Co-production (4 mins)"
  role: key-reference
  link_missing: true
  parts: ["Episode 1: Background"]
  note: "The link was lost."
"""
SCHEMAS = Path(__file__).parent.parent / "docs" / "_data" / "schemas"


def write(tmp_path: Path, text: str) -> Path:
    """A references.yml with the project's schema next to it, as in docs/_data/."""
    if not (tmp_path / "schemas").exists():
        shutil.copytree(SCHEMAS, tmp_path / "schemas")
    path = tmp_path / "references.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def refs(tmp_path) -> dict[str, Reference]:
    return load_references(write(tmp_path, GOOD))


# ------------------------------------------------------------------ loading


def test_good_file_loads_csl_data_and_project_fields(refs):
    assert list(refs) == ["boyle-harris-2009", "ostrom-1996", "sorrentino-2018", "lost-video"]
    ostrom = refs["ostrom-1996"]
    assert ostrom.csl["author"] == [{"family": "Ostrom", "given": "Elinor"}]
    assert (ostrom.csl["volume"], ostrom.csl["issue"], ostrom.csl["page"]) == (
        "24",
        "6",
        "1073-1087",
    )
    assert refs["boyle-harris-2009"].also_listed == ("further-reading",)
    assert "role" not in ostrom.csl and ostrom.role == "source"
    assert refs["lost-video"].link_missing and refs["lost-video"].note == "The link was lost."
    assert refs["lost-video"].parts == ("Episode 1: Background",)


def test_a_url_that_repeats_the_doi_is_shown_once(refs):
    assert refs["sorrentino-2018"].links == ("https://doi.org/10.1080/14494035.2018.1521676",)


def test_the_project_bibliography_loads():
    refs = load_references(SCHEMAS.parent / "references.yml")
    assert "bovaird-2007" in refs and "boyle-harris-2009" in refs


def test_a_zotero_csl_json_export_pastes_in_as_it_is(tmp_path):
    """JSON is YAML: an item exported from a reference manager loads once given a role."""
    item = {
        "id": "steen-brandsen-2020",
        "type": "article-journal",
        "title": "Coproduction during and after the COVID-19 Pandemic",
        "container-title": "Public Administration Review",
        "volume": "80",
        "issue": "5",
        "page": "851-855",
        "ISSN": "0033-3352",
        "DOI": "10.1111/puar.13258",
        "author": [{"family": "Steen", "given": "Trui"}, {"family": "Brandsen", "given": "Taco"}],
        "issued": {"date-parts": [[2020, 9]]},
        "role": "source",
    }
    refs = load_references(write(tmp_path, json.dumps([item])))
    assert format_citation(refs["steen-brandsen-2020"]) == "Steen and Brandsen, 2020"


def _entry(**fields: str) -> str:
    base = {"id": "x-2000", "type": "book", "title": '"T"', "role": "source"}
    base.update(fields)
    lines = [f"- {k}: {v}" if i == 0 else f"  {k}: {v}" for i, (k, v) in enumerate(base.items())]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: x\n  title: [unclosed\n", r":3: expected valid YAML, found a syntax error"),
        ("id: x\n", r":1: the file must be a list, found a mapping"),
        ("- just text\n", r":1: entry 1 must be a mapping, found 'just text'"),
        (
            _entry(tittle='"x"'),
            r":5: entry 'x-2000' has an unknown key 'tittle' \(did you mean 'title'\?\); "
            r"expected only: id, type, author",
        ),
        (
            "- id: x-2000\n  type: book\n",
            r":1: entry 'x-2000' of type 'book' is missing 'role' \(expected key-reference, ",
        ),
        (
            _entry(id="Boyle_2009"),
            r":1: 'id' of entry 'Boyle_2009' must be lower-case kebab-case .*found 'Boyle_2009'",
        ),
        (
            _entry(type="podcast"),
            r":2: entry 'x-2000' has an unknown type 'podcast'; expected one of: article-journal, ",
        ),
        (
            _entry(role="reading"),
            r":4: 'role' of entry 'x-2000' must be one of: key-reference, .*found 'reading'",
        ),
        (
            _entry(also_listed="[source]"),
            r":5: expected 'also_listed' to name other groups than the role, "
            r"found 'source' in both",
        ),
        (
            _entry(issued='{date-parts: [["2009a"]]}'),
            r":5: item 1 of 'issued' of entry 'x-2000'|'2009a'",
        ),
        (
            _entry(DOI='"https://doi.org/10.1/x"'),
            r":5: 'DOI' of entry 'x-2000' must be a bare DOI like .*found 'https://doi.org/10.1/x'",
        ),
        (
            _entry(URL='"http://x.org/The\\\\_Challenge.pdf"'),
            r":5: 'URL' of entry 'x-2000' must be an http\(s\) address without spaces",
        ),
        (
            _entry(author='["Boyle, David"]'),
            r":5: author 1 of entry 'x-2000' must be a name: \{family, given\} or \{literal\}",
        ),
        (
            _entry(author="[{given: David}]"),
            r":5: author 1 of entry 'x-2000' must be a name",
        ),
        (
            _entry(link_missing='"yes"'),
            r":5: 'link_missing' of entry 'x-2000' must be true or false, found 'yes'",
        ),
        (_entry(title="[a, b]"), r":3: 'title' of entry 'x-2000' must be text, found a list"),
        (_entry(id="x-2000\n  id: y"), r":2: expected each key once, found 'id' twice"),
        (
            _entry() + _entry(),
            r":5: expected each id once, found 'x-2000' again \(first at line 1\)",
        ),
    ],
)
def test_bad_entries_name_file_line_expected_and_found(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(CourseError) as err:
        load_references(path)
    assert str(err.value).startswith(str(path))
    assert re.search(message, str(err.value)), str(err.value)


def test_a_missing_file_is_named(tmp_path):
    write(tmp_path, "")
    with pytest.raises(CourseError, match=r"nope.yml: cannot read the file"):
        load_references(tmp_path / "nope.yml")


# ------------------------------------------------------------------ citations


def test_format_citation_one_two_and_many_authors(refs):
    assert format_citation(refs["ostrom-1996"]) == "Ostrom, 1996"
    assert format_citation(refs["boyle-harris-2009"], "11") == "Boyle and Harris, 2009, p. 11"
    assert (
        format_citation(refs["boyle-harris-2009"], "11-12") == "Boyle and Harris, 2009, pp. 11–12"
    )
    assert format_citation(refs["sorrentino-2018"]) == "Sorrentino et al., 2018"
    assert format_citation(refs["ostrom-1996"], year_only=True) == "1996"
    assert format_citation(refs["lost-video"]) == "Co-production (4 mins), no date"


def test_citations_become_links_to_their_entries(refs):
    text = (
        "As Ostrom [-@ostrom-1996] showed. > Quote. [@boyle-harris-2009:11] "
        "(see [@sorrentino-2018])"
    )
    assert expand_citations(text, "models.md", refs) == (
        "As Ostrom ([1996](references.md#ostrom-1996)) showed. > Quote. "
        "([Boyle and Harris, 2009, p. 11](references.md#boyle-harris-2009)) "
        "(see ([Sorrentino et al., 2018](references.md#sorrentino-2018)))"
    )


def test_links_are_relative_to_the_citing_page(refs):
    out = expand_citations("[@ostrom-1996]", "lessons/one.md", refs)
    assert out == "([Ostrom, 1996](../references.md#ostrom-1996))"


def test_citations_in_code_are_left_alone(refs):
    text = "Write `[@nope]` like this:\n\n```md\n[@nope]\n```\n\nDone [@ostrom-1996]."
    out = expand_citations(text, "x.md", refs)
    assert "`[@nope]`" in out and "\n[@nope]\n" in out
    assert out.endswith("Done ([Ostrom, 1996](references.md#ostrom-1996)).")
    assert cited_keys(text) == {"ostrom-1996"}


def test_footnotes_and_links_are_not_citations(refs):
    text = "Text[^1] and [a link](x.md) and [@ostrom-1996][^2]."
    assert cited_keys(text) == {"ostrom-1996"}


def test_unknown_key_names_page_and_line(refs):
    with pytest.raises(CourseError) as err:
        expand_citations("one\ntwo\nthree [@boyle-2009]", "docs/models.md", refs)
    assert str(err.value) == (
        "docs/models.md:3: expected a citation key from the bibliography, "
        "found unknown key 'boyle-2009'"
    )


def test_first_line_shifts_error_lines_past_front_matter(refs):
    with pytest.raises(CourseError, match=r"^docs/models.md:12: "):
        expand_citations("x\n[@nope]", "docs/models.md", refs, first_line=11)


def test_malformed_citation_is_an_error_not_silent_text(refs):
    with pytest.raises(CourseError) as err:
        expand_citations("A\n[@Boyle and Harris]", "docs/x.md", refs)
    assert str(err.value) == (
        "docs/x.md:2: expected a citation like [@key], [@key:page] or [-@key] with a lower-case "
        "kebab-case key, found '[@Boyle and Harris]'"
    )


# ------------------------------------------------------------------ the references page


def test_groups_in_page_order_with_anchors(refs):
    out = render_references(refs)
    headings = re.findall(r"^## (.+?) \{", out, flags=re.M)
    assert headings == ["Key references", "Further readings and videos", "Sources"]
    for key in refs:
        assert out.count(f'id="{key}"') == 1


def test_entries_show_doi_links_and_never_a_link_placeholder(refs):
    out = render_references(refs)
    assert 'href="https://doi.org/10.1080/14494035.2018.1521676"' in out
    assert 'href="http://example.org/challenge.pdf"' in out
    assert "Link missing in the source." in out and "LINK" not in out
    assert "Episode 1: Background" in out and "The link was lost." in out


def test_work_listed_twice_points_to_its_one_entry(refs):
    out = render_references(refs)
    further = out.split("## Further readings and videos")[1].split("## Sources")[0]
    assert 'href="#boyle-harris-2009"' in further and 'id="boyle-harris-2009"' not in further


def test_titles_and_names_are_escaped(tmp_path):
    text = '- id: a\n  type: book\n  title: "<script>x</script>"\n  role: source\n'
    text += '  author: [{literal: "<b>Body</b>"}]\n  note: "<i>n</i>"\n'
    out = render_references(load_references(write(tmp_path, text)))
    assert "<script>" not in out and "<b>" not in out and "<i>" not in out


def test_missing_title_is_said_not_left_blank(tmp_path):
    refs = load_references(write(tmp_path, "- id: a\n  type: chapter\n  role: source\n"))
    assert "[entry title missing in the source]" in render_references(refs)


def test_the_page_offers_the_list_for_reference_managers(refs):
    out = render_references(refs, {"CSL-JSON": "downloads/references.json"})
    assert "[CSL-JSON](downloads/references.json)" in out
