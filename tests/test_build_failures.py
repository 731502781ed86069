"""Projects that must fail: bad input stops the build with a message naming the file."""

from __future__ import annotations

from conftest import copy_project, mkdocs_build


def break_page(project, name, old, new):
    page = project / "docs" / name
    text = page.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_block_fails_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "models.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.append("/// exercize | typo\nText\n///")
    page.write_text("\n".join(lines), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"docs/models.md:{len(lines)}: unknown block '/// exercize'" in result.stderr


def test_broken_link_fails_naming_file(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "levels.md"
    page.write_text(page.read_text() + "\n\nSee [nowhere](no-such-page.md).\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "levels.md" in result.stderr and "no-such-page.md" in result.stderr


def test_broken_anchor_fails_naming_file(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "levels.md"
    page.write_text(page.read_text() + "\n\nSee [models](models.md#no-such-heading).\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "levels.md" in result.stderr and "no-such-heading" in result.stderr


def test_unknown_marker_fails_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "glossary.md"
    page.write_text(page.read_text() + "\n<!-- crs:nonsense -->\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/glossary.md:" in result.stderr and "unknown marker 'crs:nonsense'" in result.stderr


def test_failed_build_leaves_the_last_good_site(tmp_path):
    project = copy_project(tmp_path)
    out = tmp_path / "out"
    assert mkdocs_build(project, out).returncode == 0
    before = (out / "index.html").read_bytes()
    page = project / "docs" / "models.md"
    page.write_text(page.read_text() + "\n/// exercize\n///\n")
    assert mkdocs_build(project, out).returncode != 0
    assert (out / "index.html").read_bytes() == before
