"""The tutor notebook (docs/tutor/collate.ipynb) runs end to end on the SAMPLE class, as the site
build runs it, and reports the broken sample files instead of stopping."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import nbformat
from nbclient import NotebookClient

from crs import site, submissions

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "tutor" / "collate.ipynb"


def test_notebook_executes_end_to_end_on_the_sample_class():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    text = "".join(out.get("text", "") for out in outputs if out.output_type == "stream")
    assert "Skipped: sample-damaged-file.json" in text
    assert "Skipped: sample-foreign-file.json" in text
    assert "Wrote collated-answers.md and collated-answers.csv" in text
    images = [out for out in outputs if "image/png" in out.get("data", {})]
    assert len(images) == 3, "completion, score distribution and most-missed plots"


def test_notebook_is_small_and_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")
    assert NOTEBOOK.stat().st_size < 20_000
    assert "matplotlib.use(" not in NOTEBOOK.read_text(encoding="utf-8")


def test_notebook_cache_follows_the_sample_class_and_drops_old_results(tmp_path):
    """mkdocs-jupyter keys its cache on the notebook only; the course names the folder after
    what else the notebook reads, so new sample submissions run it again."""
    sample = tmp_path / submissions.SAMPLE_CLASS
    sample.mkdir(parents=True)
    (sample / "a.json").write_text("{}", encoding="utf-8")
    state = SimpleNamespace(version="v1")
    first = site.prepare_notebook_cache(tmp_path, state)
    first.mkdir(parents=True)
    assert site.prepare_notebook_cache(tmp_path, state) == first
    (sample / "b.json").write_text("{}", encoding="utf-8")
    second = site.prepare_notebook_cache(tmp_path, state)
    assert second != first and not first.exists()
    assert site.prepare_notebook_cache(tmp_path, SimpleNamespace(version="v2")) != second
