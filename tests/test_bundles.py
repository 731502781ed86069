"""Front-end bundles: which page loads which page bundle and component parts, and they reuse
crs.js's modules instead of carrying copies."""

from __future__ import annotations

import pytest
from conftest import copy_project, mkdocs_build

from crs import shortcodes, site
from crs.errors import CourseError


@pytest.mark.parametrize(
    ("markdown", "meta", "bundle"),
    [
        ("Plain text.", {}, None),
        ("Intro\n\n<!-- crs:workspace -->\n", {}, "workspace"),
        ("<!-- crs:assignment -->", {}, "assignment"),
        ("<!-- crs:lessons -->", {}, "home"),
        ("<!-- crs:references -->", {}, None),
        ("Text.", {"time": 20}, "lessons"),
        ("Any tutor page.", {"tutor": True}, "tutor"),
        ("<!-- crs:assignment-builder -->", {"tutor": True}, "tutor"),
        ("<!-- crs:class-summary -->", {"tutor": True}, "summary"),
        ("```\n<!-- crs:workspace -->\n```\n", {}, None),
    ],
)
def test_a_page_loads_the_bundle_its_components_need(markdown, meta, bundle):
    assert shortcodes.page_bundle(markdown, meta, "page.md") == bundle


def test_two_components_needing_different_bundles_fail_naming_the_line():
    markdown = "Text.\n\n<!-- crs:workspace -->\n"
    with pytest.raises(CourseError) as failure:
        shortcodes.page_bundle(markdown, {"time": 15}, "models.md", first_line=5)
    assert str(failure.value).startswith("docs/models.md:7: marker 'crs:workspace' needs the")


def test_the_build_fails_on_such_a_page(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "models.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(f"{text}\n<!-- crs:workspace -->\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    line = text.count("\n") + 2
    assert f"docs/models.md:{line}: marker 'crs:workspace' needs the workspace" in result.stderr


@pytest.mark.parametrize(
    "bundle",
    [
        "assignment.js",
        "home.js",
        "lessons.js",
        "notices.js",
        "quizzes.js",
        "reflections.js",
        "summary.js",
        "tutor.js",
        "workspace.js",
    ],
)
def test_page_bundles_share_one_storage_instance(site_dir, bundle):
    code = (site_dir / "assets" / "crs" / bundle).read_text(encoding="utf-8")
    # The storage key prefix only exists inside storage.js: a copy here would keep its own
    # in-memory fallback and miss same-tab changes made through crs.js.
    assert "crs.v1." not in code
    assert "crs.v1." in (site_dir / "assets" / "crs" / "crs.js").read_text(encoding="utf-8")


def test_the_class_summary_stands_in_for_the_tutor_bundle_only():
    page_bundle = shortcodes.page_bundle
    assert page_bundle("<!-- crs:class-summary -->", {"tutor": True}, "s.md") == "summary"
    with pytest.raises(CourseError, match="needs the summary page bundle"):
        page_bundle("<!-- crs:class-summary -->", {"time": 15}, "models.md")
    with pytest.raises(CourseError, match="needs the summary page bundle"):
        page_bundle("<!-- crs:assignment-builder -->\n<!-- crs:class-summary -->", {}, "t.md")
    with pytest.raises(CourseError, match="needs the summary page bundle"):
        page_bundle(
            "<!-- crs:assignment-builder -->\n<!-- crs:class-summary -->", {"tutor": True}, "t.md"
        )


@pytest.mark.parametrize(
    ("html", "parts"),
    [
        ("<p>Plain.</p>", []),
        ('<form class="crs-quiz" data-crs-quiz="q1">', ["quizzes"]),
        (
            '<section data-crs-reflection="r1"></section><form data-crs-quiz="q">',
            ["quizzes", "reflections"],
        ),
        ("<p>The attribute data-crs-quiz named in text.</p>", []),
    ],
)
def test_a_page_loads_the_parts_of_the_components_it_shows(html, parts):
    assert site.page_parts(html) == parts


def test_the_assignment_page_loads_the_parts_its_lesson_parts_bring_later():
    assert site.page_parts("<p>No prompt yet.</p>", "assignment") == ["quizzes", "reflections"]
    assert site.page_parts("<p>No prompt yet.</p>", "lessons") == []
