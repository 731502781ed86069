"""The workspace at build time: unique prompt ids, and a page listed from the course model."""

from __future__ import annotations

import html
from types import SimpleNamespace

from conftest import copy_project, course_on_page, mkdocs_build

from crs.course import Course, Page, Reflection
from crs.coursetext import CourseText
from crs.workspace import render_workspace


def course_model(site_dir) -> dict:
    return course_on_page(site_dir / "workspace.html")


def test_duplicate_reflection_id_fails_naming_both_files(tmp_path):
    project = copy_project(tmp_path)
    docs = project / "docs"
    first = next(p for p in sorted(docs.glob("*.md")) if "/// reflection |" in p.read_text())
    text = first.read_text(encoding="utf-8")
    rows = text.split("\n")
    line = next(i for i, row in enumerate(rows, 1) if row.startswith("/// reflection |"))
    prompt_id = text.split("\n")[line - 1].split("|", 1)[1].strip()
    second = next(p for p in sorted(docs.glob("*.md")) if p != first and "time:" in p.read_text())
    lines = second.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines += ["", f"/// reflection | {prompt_id}", "The same id again?", "///", ""]
    second.write_text("\n".join(lines), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    where = sorted([(first, line), (second, len(lines) - 3)], key=lambda item: item[0].name)
    assert f"reflection id '{prompt_id}'" in result.stderr
    for path, number in where:
        assert f"docs/{path.name}:{number}" in result.stderr


def test_workspace_lists_every_prompt_and_quiz_without_javascript(site_dir):
    page = (site_dir / "workspace.html").read_text(encoding="utf-8")
    model = course_model(site_dir)
    for lesson in model["lessons"]:
        assert f'data-crs-workspace-lesson="{lesson["page"]}"' in page
        assert html.escape(lesson["title"], quote=False) in page
        for reflection in lesson["reflections"]:
            assert f'data-crs-reflection="{reflection["id"]}"' in page
            assert f'id="ws-{reflection["id"]}-prompt"' in page
        for quiz in lesson["quizzes"]:
            assert f'data-crs-workspace-quiz="{quiz["id"]}"' in page


def test_workspace_renders_prompt_markdown_guidance_and_links():
    reflection = Reflection("why", "Why *now*?", "A line or two.", "docs/a.md", 3)
    page = Page("a.md", "Lesson A", 10, ("o",), ("k",), (reflection,), (), ())
    model = SimpleNamespace(course=Course((page,)), text=CourseText.default())
    out = render_workspace(model, lambda url: f"../{url}")
    assert '<a href="../a.html">Lesson A</a>' in out
    assert 'id="ws-why-prompt"><p>Why <em>now</em>?</p></div>' in out
    assert 'id="ws-why-guidance">A line or two.</p>' in out
    assert "Quizzes" not in out


def test_pages_carry_course_detail_only_where_their_code_reads_it(site_dir, model):
    """Every page has the core (ids, for progress in the navigation); objective links only
    lesson pages and the home (which read titles from the page), titles and prompt texts only
    the workspace and assignment pages."""
    first = model["lessons"][0]
    core = {
        "page": first["page"],
        "url": first["url"],
        "reflections": [{"id": r["id"]} for r in first["reflections"]],
        "quizzes": [{"id": q["id"], "questions": q["questions"]} for q in first["quizzes"]],
    }
    glossary = course_on_page(site_dir / "glossary.html")
    assert glossary["lessons"][0] == core and glossary["version"] == model["version"]
    for page in ("index.html", first["url"]):
        linked = course_on_page(site_dir / page)
        assert linked["lessons"][0] == {**core, "objective_links": first["objective_links"]}
    assignment = course_on_page(site_dir / "assignment.html")
    assert assignment == model and first["reflections"][0]["prompt"]
