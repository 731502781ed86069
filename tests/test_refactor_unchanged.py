"""The course-model and question-type refactoring (issue 12) changed no reader's output: every
page's HTML and both PDFs' text are the same built before and after it."""

from __future__ import annotations

import importlib.util

import pytest
from conftest import ROOT

# The last commit before the refactoring, and the last commit of it.
BEFORE = "298f10fa70832de1f59dd7ae457663acb962f5cc"
AFTER = "c13cd97e5cc76966c4a039fd11896f4d62a89bde"

_spec = importlib.util.spec_from_file_location(
    "compare_builds", ROOT / "scripts" / "compare_builds.py"
)
compare_builds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_builds)


def test_differences_names_a_changed_page_and_a_missing_one():
    found = compare_builds.differences({"a.html": "x\n", "b.html": "y"}, {"a.html": "z\n"})
    assert found[0].startswith("--- a.html") and "-x" in found[0] and "+z" in found[0]
    assert found[1] == "b.html: only in before"


@pytest.mark.slow
def test_the_refactoring_left_every_page_and_both_pdfs_unchanged(capsys):
    assert compare_builds.main([BEFORE, AFTER]) == 0, capsys.readouterr().out
