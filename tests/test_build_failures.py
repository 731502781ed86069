"""Projects that must fail: bad input stops the build with a message naming the file."""

from __future__ import annotations

from conftest import copy_project, mkdocs_build


def append_to_page(project, name: str, addition: str) -> int:
    """Add text after a blank line at the end of docs/<name>; returns its first line number."""
    page = project / "docs" / name
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n" + addition, encoding="utf-8")
    return text.count("\n") + 2


def test_unknown_block_fails_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    line = append_to_page(project, "models.md", "/// exercize | typo\nText\n///")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"docs/models.md:{line}: unknown block '/// exercize'" in result.stderr


def test_broken_link_fails_naming_file(tmp_path):
    project = copy_project(tmp_path)
    append_to_page(project, "levels.md", "\nSee [nowhere](no-such-page.md).\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "levels.md" in result.stderr and "no-such-page.md" in result.stderr


def test_broken_anchor_fails_naming_file(tmp_path):
    project = copy_project(tmp_path)
    append_to_page(project, "levels.md", "\nSee [models](models.md#no-such-heading).\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "levels.md" in result.stderr and "no-such-heading" in result.stderr


def test_unknown_marker_fails_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    append_to_page(project, "glossary.md", "<!-- crs:nonsense -->\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/glossary.md:" in result.stderr and "unknown marker 'crs:nonsense'" in result.stderr


def test_failed_build_leaves_the_last_good_site(tmp_path):
    project = copy_project(tmp_path)
    out = tmp_path / "out"
    assert mkdocs_build(project, out).returncode == 0
    before = (out / "index.html").read_bytes()
    append_to_page(project, "models.md", "/// exercize\n///\n")
    assert mkdocs_build(project, out).returncode != 0
    assert (out / "index.html").read_bytes() == before


def test_front_matter_that_does_not_parse_stops_the_build_at_its_line(tmp_path):
    """MkDocs would render the lesson without its title, time and objectives."""
    project = copy_project(tmp_path)
    page = project / "docs" / "models.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ")
    page.write_text(text.replace("---\ntitle: ", "---\ntitle: [", 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/models.md:" in result.stderr and "expected valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_malformed_reference_stops_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path)
    refs = project / "docs" / "_data" / "references.yml"
    text = refs.read_text(encoding="utf-8")
    broken = text.replace(
        "  container-title: World Development\n", "  journal: World Development\n"
    )
    assert broken != text
    refs.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("  journal: World Development") + 1
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert (
        f"references.yml:{line}: entry 'ostrom-1996' has an unknown key 'journal'" in result.stderr
    ), result.stderr
