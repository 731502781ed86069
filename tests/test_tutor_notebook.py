"""The tutor notebook (docs/tutor/collate.ipynb) as the site build runs it: against the unpacked
download the build assembles (crs.collation.build_kit), never against the checkout. The zip
itself, in a fresh environment, is tested in test_class_summary.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from crs import collation, site

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / collation.NOTEBOOK
OUTLINE = {"course": "co-production", "version": "v1", "prompts": [], "quizzes": []}


def test_notebook_reads_the_course_from_the_folder_it_is_given(tmp_path):
    kit = collation.build_kit(ROOT, OUTLINE, tmp_path / "kit")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.environ[collation.KIT_ENV] = str(kit)
    try:
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(elsewhere)}}
        ).execute()
    finally:
        del os.environ[collation.KIT_ENV]
    text = "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", []))
    # The sample class, read with this outline: no prompt or quiz of it is in this course.
    assert "Read 8 submissions from sample-class/" in text
    assert "No prompt was asked." in text and "No quiz was asked." in text
    assert (kit / "exports" / "class-summary.csv").exists()


def test_notebook_is_small_and_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")
    assert NOTEBOOK.stat().st_size < 20_000
    assert "matplotlib.use(" not in NOTEBOOK.read_text(encoding="utf-8")
    assert "import crs" not in NOTEBOOK.read_text(encoding="utf-8")


def test_download_holds_what_the_notebook_needs_and_nothing_of_the_checkout(tmp_path):
    kit = collation.build_kit(ROOT, OUTLINE, tmp_path / "kit")
    names = sorted(p.relative_to(kit).as_posix() for p in kit.rglob("*") if p.is_file())
    assert {"collate.ipynb", "collate.py", "collate.js", "outline.json", "requirements.txt"} <= set(
        names
    )
    assert json.loads((kit / "outline.json").read_text(encoding="utf-8")) == OUTLINE
    assert not any(name.startswith("crs/") for name in names)
    target = collation.zip_kit(kit, tmp_path / "a.zip")
    assert target.read_bytes() == collation.zip_kit(kit, tmp_path / "b.zip").read_bytes()


def test_notebook_cache_follows_what_the_notebook_reads_and_drops_old_results(tmp_path):
    """mkdocs-jupyter keys its cache on the notebook only; the course names the folder after
    the unpacked download, so a new sample file or new rules run it again."""
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "a.json").write_text("{}", encoding="utf-8")
    first = site.prepare_notebook_cache(tmp_path, kit)
    first.mkdir(parents=True)
    assert site.prepare_notebook_cache(tmp_path, kit) == first
    (kit / "b.json").write_text("{}", encoding="utf-8")
    second = site.prepare_notebook_cache(tmp_path, kit)
    assert second != first and not first.exists()
