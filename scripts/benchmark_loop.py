"""The authoring loop: with `mkdocs serve` running as scripts/serve runs it, the seconds from
saving an edited lesson to the browser (Chromium, headless, on the page being edited) showing
the new text, through serve's own rebuild and live reload. Median of a few saves, on a copy
of the real module and of the synthetic 40-module course (scripts/benchmark.py
make_synthetic).

Targets (checked here, never in timed tests): <= 1.5 s on the real module, <= 4 s at 40
modules.

Usage: python scripts/benchmark_loop.py [--saves 5] [--modules 1,40]
(scripts/benchmark runs it too)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from test_serve import serving  # noqa: E402

TARGETS = {1: 1.5, 40: 4.0}  # modules -> seconds from save to the new text shown
LESSON = "models.md"
ANCHOR = "\n## "  # the edit goes in before the lesson's first section heading


def measure(project: Path, saves: int = 5, lesson: str = LESSON) -> dict:
    """Seconds from save to shown for `saves` edits of `lesson` in `project` (a copy: it is
    edited), the served page open in the browser throughout."""
    from playwright.sync_api import sync_playwright

    source = project / "docs" / lesson
    original = source.read_text(encoding="utf-8")
    if ANCHOR not in original:
        raise SystemExit(f"{source} has no section heading to put the edit before")
    seconds = []
    built = Path(lesson).with_suffix(".html").as_posix()
    with serving(project, built, seconds=600) as (url, _server, log):
        page_url = f"{url}/{built}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(page_url)
            for number in range(saves):
                settle(log)
                text = f"Sentence {number} saved while serving."
                started = time.perf_counter()
                source.write_text(original.replace(ANCHOR, f"\n{text}\n{ANCHOR}", 1), "utf-8")
                page.get_by_text(text).wait_for(timeout=120_000)
                seconds.append(time.perf_counter() - started)
            browser.close()
    return {"lesson": lesson, "saves": [round(s, 3) for s in seconds], "median_s": median(seconds)}


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def settle(log: list[str], quiet: float = 1.0) -> None:
    """Wait until serve has printed nothing for `quiet` seconds (the last rebuild and reload
    done), so each save is timed from an idle server."""
    seen, since = len(log), time.monotonic()
    while time.monotonic() - since < quiet:
        time.sleep(0.1)
        if len(log) != seen:
            seen, since = len(log), time.monotonic()


def measure_sizes(sizes: list[int], saves: int = 5) -> dict:
    """measure() on a copy of the real module (1) and of synthetic courses of other sizes."""
    import benchmark

    figures = {}
    for modules in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = benchmark.copy_project(Path(tmp) / "project")
            if modules > 1:
                benchmark.make_synthetic(project, modules)
            figures[str(modules)] = measure(project, saves)
    return {
        "sizes": figures,
        "targets_met": {
            modules: figures[modules]["median_s"] <= TARGETS[int(modules)]
            for modules in figures
            if int(modules) in TARGETS
        },
    }


def rows(report: dict) -> list[str]:
    lines = []
    for modules, figure in report["sizes"].items():
        where = "real module" if modules == "1" else f"synthetic course, {modules} modules"
        target = TARGETS.get(int(modules))
        lines.append(
            f"| authoring loop, save to text shown, {where} (median of {len(figure['saves'])}) "
            f"| {figure['median_s']:.2f} s | {f'<= {target} s' if target else ''} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--modules", default="1,40")
    args = parser.parse_args()
    report = measure_sizes([int(n) for n in args.modules.split(",")], args.saves)
    print(json.dumps(report, indent=2))
    print("\n".join(rows(report)))


if __name__ == "__main__":
    main()
