"""Class summary figures: N realistic submission files summarised by the page (Chromium, from
file://, wall time from choosing the files to the summary shown) and by the notebook's code
(the unpacked download: collate.py running collate.js in mini-racer).

Targets (checked here, never in timed tests): 500 files in the page under 2 s; the notebook
handles 5,000.

Usage: scripts/benchmark --summary-only [--page-files 500] [--notebook-files 5000]
(scripts/benchmark runs these too, after the build figures)
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crs import collation  # noqa: E402

TARGET_PAGE_S = 2.0
WORDS = (
    "co-production shares power between people who use services and the staff who run them "
    "our library asked residents to help design the new opening hours and the bus service did "
    "not which felt like consultation rather than partnership"
).split()


def make_class(folder: Path, count: int, seed: int = 1) -> Path:
    """`count` submissions shaped like the SAMPLE class's, each with long answers (80 to 300
    words per prompt), as a real class hands in."""
    templates = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / collation.SAMPLE_CLASS).glob("sample-week-1-sample-*.json"))
        if "first-try" not in p.name
    ]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        data = json.loads(json.dumps(templates[n % len(templates)]))
        data["learner"] = f"SAMPLE Learner {n:05d}"
        for entry in data["answers"].values():
            entry["text"] = " ".join(rng.choice(WORDS) for _ in range(rng.randint(80, 300)))
        path = folder / f"sample-week-1-learner-{n:05d}.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return folder


# In the page: drop the files on the drop zone, then wait for the status line to say the summary
# is shown (observed in the page, so no polling from outside competes for its main thread).
DROP_AND_WAIT = """async (count) => {
  const status = document.querySelector("[data-crs-summary-status]")
  const done = new Promise((resolve) => new MutationObserver(() => {
    if (status.textContent.startsWith(`${count} submissions read`)) resolve()
  }).observe(status, { childList: true, characterData: true, subtree: true }))
  const start = performance.now()
  const drop = new DragEvent("drop", { dataTransfer: window.crsBenchFiles, cancelable: true })
  document.querySelector("[data-crs-summary-drop]").dispatchEvent(drop)
  await done
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
  return (performance.now() - start) / 1000
}"""


def page_seconds(site: Path, files: list[Path]) -> float:
    """Time in the page from dropping the files to the summary drawn (reading included; the
    status line is written 50 ms after the summary, which is counted too)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS

    texts = [[f.name, f.read_text(encoding="utf-8")] for f in files]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto((site / "tutor" / "summary.html").resolve().as_uri())
        page.locator("#crs-summary-files").wait_for()
        page.evaluate(
            "(texts) => { const dt = new DataTransfer(); window.crsBenchFiles = dt;"
            " for (const [name, text] of texts) dt.items.add(new File([text], name)) }",
            texts,
        )
        seconds = page.evaluate(DROP_AND_WAIT, len(files))
        browser.close()
    return seconds


def notebook_seconds(kit: Path, folder: Path) -> tuple[float, int]:
    sys.path.insert(0, str(kit))
    import collate

    start = time.perf_counter()
    course = collate.Course(kit)
    summary = course.summarise(folder)
    course.export(summary, folder.parent / "exports")
    return time.perf_counter() - start, len(summary["learners"])


def measure(site: Path, page_files: int = 500, notebook_files: int = 5000) -> dict:
    """`site`: a built site (its tutor page and its notebook download)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with zipfile.ZipFile(site / "downloads" / collation.ZIP_NAME) as archive:
            archive.extractall(tmp)
        kit = tmp / collation.ZIP_FOLDER
        big = make_class(tmp / "class", max(page_files, notebook_files))
        files = sorted(big.glob("*.json"))
        page_s = page_seconds(site, files[:page_files])
        size = sum(f.stat().st_size for f in files[:page_files])
        notebook_s, read = notebook_seconds(kit, big)
    return {
        "page_files": page_files,
        "page_bytes": size,
        "page_s": page_s,
        "notebook_files": read,
        "notebook_s": notebook_s,
        "targets_met": {"page": page_s <= TARGET_PAGE_S, "notebook": read == notebook_files},
    }


def rows(report: dict) -> list[str]:
    return [
        f"| class summary page, {report['page_files']} files ({report['page_bytes'] / 1e6:.1f} MB) "
        f"| {report['page_s']:.2f} s | <= {TARGET_PAGE_S} s |",
        f"| class summary notebook code, {report['notebook_files']:,} files "
        f"| {report['notebook_s']:.2f} s | handles 5,000 |",
    ]
