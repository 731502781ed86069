"""scripts/refs_to_csl.py: the one-off converter the integrator re-runs on merged content."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import yaml

from crs.bibliography import load_references

ROOT = Path(__file__).parent.parent
_spec = importlib.util.spec_from_file_location("refs_to_csl", ROOT / "scripts" / "refs_to_csl.py")
refs_to_csl = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(refs_to_csl)

OLD = """\
# An old header that goes.

# ---------------------------------------------------------------- Sources

- id: cohen-1995
  type: chapter
  authors: ["Cohen, J."]
  year: 1995
  title: "Interpreting the Notion of Civil Society"
  container: "M. Walzer (ed.) Toward a Global Civil Society. New York: Berghahn"
  role: source
  note: >-
    Not checked.

- id: unesco-video
  type: video
  authors: ["UNESCO"]
  year:
  title: "Public Policies"
  container: "UNESCO"
  role: further-reading
  link_missing: true
  parts: ["Episode 1"]

- id: ostrom-1996
  type: article
  authors: ["Ostrom, Elinor"]
  year: 1996
  title: "Crossing the Great Divide"
  container: "World Development"
  volume: "24"
  pages: "1073-1087"
  doi: "10.1016/0305-750X(96)00023-X"
  role: source
"""


def test_old_entries_become_csl_with_project_fields_and_comments_kept(tmp_path):
    text = refs_to_csl.convert(OLD)
    assert text.startswith("# yaml-language-server: $schema=schemas/references.schema.json")
    assert "# ---------------------------------------------------------------- Sources" in text
    assert "old header" not in text
    cohen, video, ostrom = yaml.safe_load(text)
    assert cohen == {
        "id": "cohen-1995",
        "type": "chapter",
        "author": [{"family": "Cohen", "given": "J."}],
        "editor": [{"family": "Walzer", "given": "M."}],
        "issued": {"date-parts": [[1995]]},
        "title": "Interpreting the Notion of Civil Society",
        "container-title": "Toward a Global Civil Society",
        "publisher": "Berghahn",
        "publisher-place": "New York",
        "role": "source",
        "note": "Not checked.",
    }
    assert video["type"] == "motion_picture" and "issued" not in video
    assert video["author"] == [{"literal": "UNESCO"}] and video["parts"] == ["Episode 1"]
    assert (ostrom["type"], ostrom["page"], ostrom["DOI"]) == (
        "article-journal",
        "1073-1087",
        "10.1016/0305-750X(96)00023-X",
    )
    # The result is valid against the schema, and a second run changes nothing.
    shutil.copytree(ROOT / "docs" / "_data" / "schemas", tmp_path / "schemas")
    (tmp_path / "references.yml").write_text(text, encoding="utf-8")
    assert list(load_references(tmp_path / "references.yml")) == [
        "cohen-1995",
        "unesco-video",
        "ostrom-1996",
    ]
    assert refs_to_csl.convert(text) == text


def test_the_project_bibliography_is_already_converted():
    text = (ROOT / "docs" / "_data" / "references.yml").read_text(encoding="utf-8")
    assert refs_to_csl.convert(text) == text
