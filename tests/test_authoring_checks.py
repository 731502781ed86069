"""The authoring checks as plain functions: the fault collector, front matter, includes, links,
anchors, footnotes, markers and the nav listing, each with the line it reports."""

from __future__ import annotations

import pytest
from conftest import ROOT, copy_project

from crs import errors, includes, links, model, pagelist, pages, shortcodes
from crs.errors import CourseError, CourseFaults, Faults
from crs.project import read_project


def test_faults_are_sorted_by_file_and_line_counted_and_capped():
    found = [CourseError(f"docs/{name}.md", line, "x") for name in "ba" for line in (10, 2)]
    message = str(CourseFaults(found)).split("\n")
    assert message == [
        "docs/a.md:2: x",
        "docs/a.md:10: x",
        "docs/b.md:2: x",
        "docs/b.md:10: x",
        "4 authoring faults found; nothing was written",
    ]
    many = str(CourseFaults(CourseError("a.md", n, "x") for n in range(1, 61))).split("\n")
    assert len(many) == errors.SHOWN + 2
    assert many[-2:] == ["... and 10 more", "60 authoring faults found; nothing was written"]


def test_a_collector_keeps_going_and_flattens_nested_faults():
    faults = Faults()
    with faults.gather():
        raise CourseFaults([CourseError("a.md", 1, "one"), CourseError("a.md", 2, "two")])
    with faults.gather():
        raise CourseError("b.md", 1, "three")
    with pytest.raises(CourseFaults) as raised:
        faults.raise_any()
    assert [str(e) for e in raised.value.errors] == ["a.md:1: one", "a.md:2: two", "b.md:1: three"]


def test_a_lone_fault_is_raised_as_itself():
    faults = Faults()
    faults.add(CourseError("a.md", 1, "one"))
    with pytest.raises(CourseError) as raised:
        faults.raise_any()
    assert type(raised.value) is CourseError


def test_missing_include_names_its_line_and_fenced_examples_are_skipped(tmp_path):
    (tmp_path / "here.md").write_text("shared")
    body = "{!here.md!}\n\n```\n{!shown-not-used.md!}\n```\n\nText {!gone.md!}"
    found = includes.missing(body, "docs/p.md", tmp_path, first_line=5)
    assert [str(e) for e in found] == [
        f"docs/p.md:11: expected an include file {tmp_path.name}/gone.md, found no such file "
        "(markdown-include would silently leave the text out)"
    ]
    assert includes.inline("A {!here.md!} B", tmp_path) == "A shared B"


def _links(body: str, anchors: dict[str, set[str]], tmp_path) -> list[str]:
    for src in anchors:
        (tmp_path / src).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / src).write_text("")
    found = links.check_links(body, "a.md", "docs/a.md", tmp_path, anchors.get, first_line=3)
    return [str(e) for e in found]


def test_links_to_missing_files_and_anchors_name_their_line(tmp_path):
    body = "\n".join(
        [
            "[ok](b.md#here) [ok](#mine) [web](https://example.org/x.md#no) `[code](gone.md)`",
            "[bad](gone.md) ![img](pics/none.png)",
            "[bad anchor](b.md#there)",
            "[defined][d] [undefined][nowhere] [@cite:2][^n]",
            "[d]: sub/c.md#top",
            "[^n]: A note.",
            "Claim.[^missing]",
        ]
    )
    found = _links(body, {"a.md": {"mine"}, "b.md": {"here"}, "sub/c.md": {"other"}}, tmp_path)
    assert found == [
        "docs/a.md:6: reference link '[undefined][nowhere]' expected a definition "
        "'[nowhere]: <address>' on this page, found none",
        "docs/a.md:9: footnote '[^missing]' expected its text '[^missing]: ...' on this page, "
        "found none",
        "docs/a.md:7: link to 'sub/c.md#top' expected an anchor of "
        f"{tmp_path.name}/sub/c.md, found no '#top' there (its anchors: other)",
        f"docs/a.md:4: link to 'gone.md' expected a file in {tmp_path.name}/, found no "
        f"{tmp_path.name}/gone.md",
        f"docs/a.md:4: link to 'pics/none.png' expected a file in {tmp_path.name}/, found no "
        f"{tmp_path.name}/pics/none.png",
        "docs/a.md:5: link to 'b.md#there' expected an anchor of "
        f"{tmp_path.name}/b.md, found no '#there' there (its anchors: here)",
    ]


def test_written_ids_count_as_anchors():
    text = '## Title {#own-id}\n\nA paragraph.\n{: #para }\n\n<div id="box"></div>'
    assert links.written_ids(text) == {"own-id", "para", "box"}


def test_unknown_markers_name_each_line():
    body = "<!-- crs:glossary -->\n\n<!-- crs:glosary -->\n```\n<!-- crs:shown -->\n```"
    assert [(e.line, e.message.split(";")[0]) for e in shortcodes.unknown(body, "p.md", 4)] == [
        (6, "unknown marker 'crs:glosary'")
    ]


def test_the_markers_the_load_accepts_are_the_markers_the_pages_fill():
    course = model.load(ROOT)
    assert set(pages.marker_renderers("x.md", "x.html", course)) == shortcodes.NAMES


def test_nav_entries_and_pages_outside_nav(tmp_path):
    project = copy_project(tmp_path)
    text = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(text.replace("- levels.md", "- levls.md"))
    (project / "docs" / "_includes" / "fragment.md").write_text("excluded: not a page")
    (project / "docs" / "draft.md").write_text("# Draft")
    found = [str(e) for e in pagelist.check_page_list(read_project(project))]
    line = text[: text.index("- levels.md")].count("\n") + 1
    assert found == [
        f"mkdocs.yml:{line}: nav lists 'levls.md', expected a page docs/levls.md, found no "
        "such file",
        "docs/draft.md:1: expected this page in mkdocs.yml nav (or under not_in_nav), found it "
        "in neither: learners would have no way to reach it",
        "docs/levels.md:1: expected this page in mkdocs.yml nav (or under not_in_nav), found it "
        "in neither: learners would have no way to reach it",
    ]
