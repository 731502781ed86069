"""Learner and tutor PDFs of the module: the print document (crs/printdoc.py) laid out and
written by WeasyPrint, both editions side by side.

    docs/*.md + quizzes/*.yml --crs.model.load--> CourseModel --crs.printdoc--> print HTML
    --WeasyPrint--> co-production-<edition>.pdf

Usage: scripts/pdf [--edition learner|tutor|all] [--paper a4|letter] [--out site/downloads]
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from crs import model as crs_model
from crs import pagerefs
from crs.errors import CourseError
from crs.model import CourseModel
from crs.pdfdeps import check_fonts, import_weasyprint
from crs.printdoc import EDITIONS, PAPERS, build_date, document_html

# WeasyPrint's options for both editions: a tagged PDF/UA-1 file with the document's metadata.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "custom_metadata": True}


def write_pdf(html: str, base_url: Path, target: Path) -> dict[str, float]:
    """Lay out and write one document; returns seconds spent laying out and writing, and the
    page count (for scripts/benchmark's breakdown)."""
    weasyprint = import_weasyprint()
    pagerefs.install(weasyprint)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    document = weasyprint.HTML(string=html, base_url=str(base_url)).render(**PDF_OPTIONS)
    laid_out = time.perf_counter()
    document.write_pdf(target, **PDF_OPTIONS)
    return {
        "layout_s": laid_out - started,
        "write_s": time.perf_counter() - laid_out,
        "pages": len(document.pages),
    }


@dataclass(frozen=True)
class Job:
    """One edition's print HTML, ready to lay out here or in a worker."""

    html: str
    html_s: float
    base_url: Path
    target: Path


def prepare(model: CourseModel, name: str, paper: str, out_dir: Path, keep_html: bool) -> Job:
    started = time.perf_counter()
    edition = EDITIONS[name]
    html = document_html(model, edition, build_date(), paper)
    target = Path(out_dir) / edition.filename
    if keep_html:
        target.with_suffix(".html").write_text(html, encoding="utf-8")
    return Job(html, time.perf_counter() - started, model.project.docs, target)


def _load(config_file: Path, out_dir: Path) -> CourseModel:
    check_fonts()
    the_model = crs_model.load(Path(config_file).resolve().parent)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    return the_model


def preload() -> None:
    """A worker's first task: WeasyPrint imported before its job arrives."""
    import_weasyprint()


def run(job: Job) -> tuple[Path, dict]:
    timings = write_pdf(job.html, job.base_url, job.target)
    return job.target, {"html_s": job.html_s, **timings}


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """WeasyPrint makes millions of short-lived objects, which reference counting frees; the
    cycle collector's passes over them cost about a tenth of the PDF time and find little.
    Paused for the build (about 20 MB more at the peak), resumed afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# The tutor edition is the longer one (notes, answer key): it starts first, so the two end
# closer together.
COST_ORDER = ("tutor", "learner")


def build(
    config_file: Path,
    out_dir: Path,
    editions: list[str] = ("learner", "tutor"),
    paper: str = "a4",
    keep_html: bool = False,
    timings: dict | None = None,
) -> list[Path]:
    """Write the chosen editions into out_dir; returns the PDF paths (in the order asked).

    Layout is most of the time, so editions are laid out side by side: each edition but the
    last is handed, as print HTML, to a forked process, and this process prints the last
    edition meanwhile. The course is loaded once, here (so a course fault or a missing library
    fails here, once). `timings`, when given, receives seconds per phase.
    """
    with cycle_collection_paused():
        return _build(config_file, out_dir, editions, paper, keep_html, timings)


def _build(config_file, out_dir, editions, paper, keep_html, timings) -> list[Path]:
    started = time.perf_counter()
    *forked, last = sorted(editions, key=COST_ORDER.index)
    if not forked or (os.cpu_count() or 1) == 1:
        import_weasyprint()
        the_model = _load(config_file, out_dir)
        loaded = time.perf_counter()
        results = {
            name: run(prepare(the_model, name, paper, out_dir, keep_html))
            for name in [*forked, last]
        }
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(forked), mp_context=context) as pool:
            # The workers import WeasyPrint while this process loads the course and makes
            # their print HTML; this one imports it once they have their jobs.
            for _ in forked:
                pool.submit(preload)
            the_model = _load(config_file, out_dir)
            loaded = time.perf_counter()
            futures = {
                name: pool.submit(run, prepare(the_model, name, paper, out_dir, keep_html))
                for name in forked
            }
            import_weasyprint()
            results = {last: run(prepare(the_model, last, paper, out_dir, keep_html))}
            results.update((name, future.result()) for name, future in futures.items())
    if timings is not None:
        timings.update(
            load_s=loaded - started,
            total_s=time.perf_counter() - started,
            editions={name: results[name][1] for name in editions},
        )
    return [results[name][0] for name in editions]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/pdf", description=__doc__.split("\n")[0])
    parser.add_argument("--edition", choices=[*EDITIONS, "all"], default="all")
    parser.add_argument("--paper", choices=sorted(PAPERS), default="a4")
    parser.add_argument("--out", type=Path, default=Path("site/downloads"))
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--html", action="store_true", help="also keep the print HTML")
    parser.add_argument("--timings", type=Path, help="write seconds per phase here (JSON)")
    args = parser.parse_args(argv)
    editions = list(EDITIONS) if args.edition == "all" else [args.edition]
    started = time.perf_counter()
    timings: dict = {}
    try:
        paths = build(args.config_file, args.out, editions, args.paper, args.html, timings)
    except CourseError as error:
        print(f"crs: PDF build failed: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"crs: wrote {path}", file=sys.stderr)
    print(f"crs: PDFs built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.timings:
        args.timings.write_text(json.dumps(timings, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
