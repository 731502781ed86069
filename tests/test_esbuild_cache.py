"""crs.esbuild reuses a bundle only while every file esbuild read for it is unchanged: an edit
to an entry or to a module it imports, a removed import, or other arguments bundle again."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, needs_node

from crs import esbuild
from crs.errors import CourseError

pytestmark = needs_node


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    src = tmp_path / "src"
    src.mkdir()
    (src / "main.js").write_text('import { word } from "./word.js"\nconsole.log(word)\n')
    (src / "word.js").write_text('export const word = "first"\n')
    return tmp_path


def bundled(project: Path, args: list[str] | None = None) -> str:
    out = project / "out"
    esbuild.bundle(project, args or ["src/main.js", "--bundle"], out, "src")
    return (out / "main.js").read_text()


def test_an_edit_to_an_imported_module_bundles_again(project):
    assert "first" in bundled(project)
    (project / "src" / "word.js").write_text('export const word = "second"\n')
    assert "second" in bundled(project)
    assert "first" not in bundled(project)


def test_an_unchanged_front_end_is_copied_not_bundled_again(project):
    bundled(project)
    [entry] = (project / esbuild.CACHE).iterdir()
    stamp = (entry / "out" / "main.js").stat().st_mtime_ns
    assert "first" in bundled(project)
    assert (entry / "out" / "main.js").stat().st_mtime_ns == stamp


def test_a_removed_input_counts_as_a_change(project):
    bundled(project)
    (project / "src" / "word.js").unlink()
    (project / "src" / "main.js").write_text('console.log("alone")\n')
    assert "alone" in bundled(project)


def test_other_arguments_are_another_bundle(project):
    plain = bundled(project)
    minified = bundled(project, ["src/main.js", "--bundle", "--minify"])
    assert minified != plain
    assert len(list((project / esbuild.CACHE).iterdir())) == 2


def test_a_failed_bundle_names_the_source_and_leaves_no_entry(project):
    (project / "src" / "word.js").write_text("export const = \n")
    with pytest.raises(CourseError, match=r"(?s)^src: .*src/word\.js:1"):
        bundled(project)
    cache = project / esbuild.CACHE
    assert not cache.exists() or not list(cache.iterdir())
