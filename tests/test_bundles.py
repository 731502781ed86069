"""Front-end bundles: which page loads which page bundle and component parts, in one script and
one stylesheet per combination that reuse the first page's modules instead of carrying copies,
and which first styles each page carries."""

from __future__ import annotations

import pytest
from conftest import ROOT, copy_project, mkdocs_build

from crs import frontend, shortcodes
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


def test_each_page_script_holds_one_copy_of_what_every_page_needs(site_dir):
    scripts = sorted((site_dir / "assets" / "crs").glob("crs*.js"))
    assert {"crs.js", "crs-quizzes-reflections-lessons.js"} <= {s.name for s in scripts}
    for script in scripts:
        # The storage key prefix only exists inside storage.js: parts and page bundles take it
        # from main.js (shared.js), so a page's script holds it once.
        assert script.read_text(encoding="utf-8").count("crs.v1.") == 1, script.name
    assert "crs.v1." not in (site_dir / "assets" / "crs" / "notices.js").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("parts", "bundle", "name"),
    [
        ([], None, "crs"),
        ([], "home", "crs-home"),
        (["reflections"], "workspace", "crs-reflections-workspace"),
        (["quizzes", "reflections"], "lessons", "crs-quizzes-reflections-lessons"),
    ],
)
def test_a_page_loads_one_script_and_stylesheet_named_for_its_combination(parts, bundle, name):
    assert frontend.combination(parts, bundle) == name


def test_a_combination_bundles_what_every_page_needs_then_its_parts_then_its_bundle():
    scripts, sheets = frontend.combination_sources("crs-quizzes-reflections-lessons")
    assert scripts == ["main.js", "mount-quizzes.js", "mount-reflections.js", "lessons.js"]
    assert sheets == ["main.css", "quizzes.css", "lessons.css"]
    assert frontend.combination_sources("crs") == (["main.js"], ["main.css"])


def test_every_source_a_combination_may_name_exists():
    folder = ROOT / "overrides" / "crs"
    named = [*frontend.CORE, *frontend.SEPARATE.values()]
    named += [source for pair in frontend.PIECES.values() for source in pair if source]
    named += [f"first/{name}" for name in frontend.FIRST_STYLES]
    assert [name for name in named if not (folder / name).is_file()] == []


STYLES = {name: f"/*{name}*/" for name in frontend.FIRST_STYLES}


@pytest.mark.parametrize(
    ("body", "chosen"),
    [
        ("<p>Plain.</p>", ["theme.css"]),
        ('<section class="crs-reflection">', ["theme.css", "reflections.css"]),
        ('<li class="crs-reference crs-reference--book">', ["theme.css", "references.css"]),
        ('<div class="x crs-table-scroll" role="region">', ["theme.css", "tables.css"]),
        ('<p class="crs-resume">', ["theme.css", "home.css"]),
        ("<p>The class crs-reflection named in text.</p>", ["theme.css"]),
        ('<p class="crs-reflection__label">', ["theme.css"]),
    ],
)
def test_a_page_carries_the_first_styles_of_what_it_shows(body, chosen):
    page = f"<head>{frontend.FIRST_STYLES_SLOT}</head><body>{body}</body>"
    styled = frontend.with_first_styles(page, STYLES)
    assert styled == page.replace(
        frontend.FIRST_STYLES_SLOT, f"<style data-crs>{''.join(STYLES[n] for n in chosen)}</style>"
    )


def test_classes_before_the_content_do_not_choose_first_styles():
    """The navigation, before Material's content, is not read (it grows with the course)."""
    page = (
        f"<head>{frontend.FIRST_STYLES_SLOT}</head><body><nav class=\"crs-reflection\"></nav>"
        f'{frontend.CONTENT_START}><p class="crs-resume"></p></div></body>'
    )
    assert f"<style data-crs>{STYLES['theme.css']}{STYLES['home.css']}</style>" in (
        frontend.with_first_styles(page, STYLES)
    )


def test_a_page_without_the_slot_is_left_as_it_is():
    assert frontend.with_first_styles('<p class="crs-reflection">', STYLES) == (
        '<p class="crs-reflection">'
    )


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
    assert frontend.page_parts(html) == parts


def test_the_assignment_page_loads_the_parts_its_lesson_parts_bring_later():
    assert frontend.page_parts("<p>No prompt yet.</p>", "assignment") == ["quizzes", "reflections"]
    assert frontend.page_parts("<p>No prompt yet.</p>", "lessons") == []
