"""Lighthouse figures for every learner page, this site against the plain Material build of the
same Markdown, measured side by side in one run.

Both sites are served by one plain static server without compression (Python's http.server), so
neither gains from the host. Lighthouse 12 (npm, pinned in package-lock.json) drives Debian's
Chromium with its default mobile preset: simulated slow 4G and a 4x slower CPU. Each page is run
`runs` times per site, alternating sites so a busy moment of the machine hits both alike; the
median run (by performance score) is kept.

Targets (issue 14): performance >= the plain page's and >= 95; accessibility, best practices and
SEO 100; LCP <= 1.1x the plain page's.

Alone: scripts/benchmark --only lighthouse [--lighthouse-runs 3]
[--lighthouse-pages models.html,...]
(a full scripts/benchmark run measures these too)
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET_PERFORMANCE = 95
TARGET_OTHER = 100
TARGET_LCP_RATIO = 1.1


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class names it so)
        pass


class StaticServer:
    """Serves `folder` on a free localhost port, uncompressed, for the length of a with-block."""

    def __init__(self, folder: Path):
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def __enter__(self) -> StaticServer:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def learner_pages(site: Path) -> list[str]:
    """Every learner page: the site's top-level pages (tutor pages live in tutor/), not 404."""
    return sorted(p.name for p in site.glob("*.html") if p.name != "404.html")


def run_once(url: str) -> dict:
    """One Lighthouse run: the four category scores (0-100), LCP, FCP (ms), bytes and requests."""
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    failing = {
        category: [
            ref["id"]
            for ref in report["categories"][category]["auditRefs"]
            if ref["weight"] and (audits[ref["id"]].get("score") or 0) < 1
        ]
        for category in CATEGORIES
        if category != "performance"
    }
    requests = audits["network-requests"]["details"]["items"]
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(requests),
        "render_blocking": [
            item["url"] for item in audits["render-blocking-resources"]["details"].get("items", [])
        ],
        "failing_audits": {k: v for k, v in failing.items() if v},
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (ties: the median LCP), whole, so its figures
    belong together; the spread of scores is kept beside it."""
    ordered = sorted(runs, key=lambda r: (r["performance"], -r["lcp_ms"]))
    chosen = ordered[len(ordered) // 2]
    return {**chosen, "performance_all": [r["performance"] for r in runs]}


def verdict(ours: dict, plain: dict) -> dict:
    return {
        "performance": ours["performance"] >= max(plain["performance"], TARGET_PERFORMANCE),
        "others": all(ours[c] >= TARGET_OTHER for c in CATEGORIES if c != "performance"),
        "lcp": ours["lcp_ms"] <= TARGET_LCP_RATIO * plain["lcp_ms"],
    }


def measure(site: Path, plain: Path, runs: int = 3, pages: list[str] | None = None) -> dict:
    pages = pages or learner_pages(site)
    results: dict[str, dict] = {}
    with StaticServer(site) as ours_server, StaticServer(plain) as plain_server:
        for page in pages:
            trials: dict[str, list[dict]] = {"ours": [], "plain": []}
            for _ in range(runs):
                trials["plain"].append(run_once(plain_server.url + page))
                trials["ours"].append(run_once(ours_server.url + page))
            ours, base = median_run(trials["ours"]), median_run(trials["plain"])
            results[page] = {"ours": ours, "plain": base, "met": verdict(ours, base)}
    return {"runs": runs, "pages": results}


def rows(report: dict) -> list[str]:
    """Table rows: per page, our median scores against the plain page's, and whether each target
    holds."""
    lines = []
    for page, r in report["pages"].items():
        ours, plain, met = r["ours"], r["plain"], r["met"]
        others = "/".join(str(ours[c]) for c in CATEGORIES if c != "performance")
        lines.append(
            f"| Lighthouse {page}: performance, LCP (plain Material) | "
            f"{ours['performance']} ({plain['performance']}), "
            f"{ours['lcp_ms'] / 1000:.2f} s ({plain['lcp_ms'] / 1000:.2f} s); "
            f"a11y/BP/SEO {others} | >= plain and >= {TARGET_PERFORMANCE}, LCP <= "
            f"{TARGET_LCP_RATIO}x, others {TARGET_OTHER}: {mark(all(met.values()))} |"
        )
    return lines


def mark(met: bool) -> str:
    return "met" if met else "**missed**"
