"""The benchmark's judgements (scripts/benchmark): which Lighthouse run stands for a page, when a
page meets its targets, and what the learner search index holds. Figures are measured there,
never here."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT


def script(name: str):
    sys.path.insert(0, str(ROOT / "scripts"))  # the benchmark's modules import one another
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lighthouse = script("benchmark_lighthouse")


def run(performance: int, lcp_ms: float, others: int = 100) -> dict:
    return {
        "performance": performance,
        "lcp_ms": lcp_ms,
        "accessibility": others,
        "best-practices": others,
        "seo": others,
    }


def test_the_median_run_is_kept_whole_with_the_spread_of_scores():
    runs = [run(97, 1900), run(90, 2600), run(95, 2000)]
    chosen = lighthouse.median_run(runs)
    assert (chosen["performance"], chosen["lcp_ms"]) == (95, 2000)
    assert chosen["performance_all"] == [97, 90, 95]


def test_a_page_meets_its_targets_only_when_as_fast_as_plain_and_complete():
    plain = run(94, 2000)
    assert all(lighthouse.verdict(run(96, 2100), plain).values())
    assert not lighthouse.verdict(run(94, 2000), plain)["performance"]  # under 95
    assert not lighthouse.verdict(run(99, 2300), plain)["lcp"]  # over 1.1x the plain LCP
    assert not lighthouse.verdict(run(96, 2000), run(97, 2000))["performance"]  # under plain
    assert not lighthouse.verdict(run(99, 1800, others=96), plain)["others"]


def test_the_learner_search_index_holds_no_tutor_page(site_dir):
    found = script("benchmark").search_indexes(site_dir)
    assert found["tutor_pages_in_learner"] == []
    assert 0 < found["learner_gz"] < found["learner"]


def test_a_tutor_page_in_the_learner_search_index_is_named(tmp_path):
    (tmp_path / "tutor" / "search").mkdir(parents=True)
    (tmp_path / "search").mkdir()
    (tmp_path / "tutor" / "guide.html").write_text("<p>guide</p>")
    index = '{"docs": [{"location": "tutor/guide.html#keys"}, {"location": "models.html"}]}'
    (tmp_path / "search" / "search_index.json").write_text(index)
    (tmp_path / "tutor" / "search" / "search_index.json").write_text(index)
    found = script("benchmark").search_indexes(tmp_path)
    assert found["tutor_pages_in_learner"] == ["tutor/guide.html"]
