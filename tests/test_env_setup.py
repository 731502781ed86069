"""scripts/_env.sh, which every command sources: set-up happens once per requirement set, so
running scripts/build and scripts/test in turn does not reinstall anything."""

from __future__ import annotations

import subprocess

from conftest import ROOT


def test_build_and_test_in_turn_install_each_requirement_set_at_most_once():
    script = (
        "source scripts/_env.sh\n"
        "for round in 1 2; do ensure_python_env; ensure_python_env requirements-test.txt; done\n"
    )
    done = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("installing pinned Python dependencies") <= 2, done.stderr
    stamps = sorted(p.name for p in (ROOT / ".venv").glob(".crs-installed-*"))
    assert stamps == [".crs-installed-base", ".crs-installed-requirements-test"]
