"""The Class summary tutor page and the notebook download, on the SAMPLE class: the page in
Chromium (through instant navigation, by keyboard, from file://, with no request leaving it), and
the downloaded zip unpacked outside the checkout, installed into a fresh virtual environment and
run headless; both must give the same figures and write the same exports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import axe_violations
from playwright.sync_api import expect

from crs import collation

PROBLEMS = {
    "sample-damaged-file.json": "Damaged",
    "sample-foreign-file.json": "Not a submission",
    "sample-other-course.json": "Another course",
    "sample-week-1-sample-ben-madeup-first-try.json": "Older duplicate",
}
RUNNER = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3",
               resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(nb, sys.argv[3])
"""


@pytest.fixture(scope="session")
def kit(site_dir, tmp_path_factory) -> Path:
    """The site's "Download the notebook" zip, unpacked into an empty folder."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(site_dir / "downloads" / collation.ZIP_NAME) as archive:
        assert all(n.startswith(f"{collation.ZIP_FOLDER}/") for n in archive.namelist())
        archive.extractall(target)
    return target / collation.ZIP_FOLDER


@pytest.fixture(scope="session")
def notebook(kit, tmp_path_factory) -> dict:
    """The unpacked notebook run headless in a fresh virtual environment that has only what
    its requirements.txt names (and nbclient to run it)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    done = subprocess.run(
        [*install, "-r", str(kit / "requirements.txt"), "nbclient"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    out = kit / "executed.ipynb"
    done = subprocess.run(
        [str(python), "-c", RUNNER, str(kit / "collate.ipynb"), str(kit), str(out)],
        cwd=kit,
        capture_output=True,
        text=True,
        env={"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(kit)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    outputs = [o for c in cells if c["cell_type"] == "code" for o in c["outputs"]]
    return {
        "errors": [o for o in outputs if o["output_type"] == "error"],
        "text": "".join(
            "".join(o.get("text", "")) for o in outputs if o["output_type"] == "stream"
        ),
        "images": [o for o in outputs if "image/png" in o.get("data", {})],
        "markdown": (kit / "exports" / "class-summary.md").read_bytes(),
        "csv": (kit / "exports" / "class-summary.csv").read_bytes(),
    }


def sample_files(kit: Path) -> list[str]:
    return sorted(str(p) for p in (kit / "sample-class").glob("*.json"))


def load_sample(page, kit: Path) -> None:
    page.set_input_files("#crs-summary-files", sample_files(kit))
    expect(page.locator("[data-crs-summary-status]")).to_contain_text(
        "8 submissions read from 12 files; 4 files skipped"
    )


def table_rows(page, heading_id: str) -> list[list[str]]:
    rows = page.locator(f"#{heading_id} ~ .crs-summary__scroll tbody tr")
    return [[c.strip() for c in r.locator("th, td").all_inner_texts()] for r in rows.all()]


def download(page, label: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    return info.value.suggested_filename, info.value.path().read_bytes()


@pytest.mark.browser
def test_page_summarises_the_sample_class_and_reports_every_bad_file(page, site_url, kit):
    requests: list[str] = []
    page.goto(f"{site_url}/tutor/summary.html", wait_until="networkidle")
    page.on("request", lambda r: requests.append(r.url) if r.url.startswith("http") else None)
    load_sample(page, kit)
    assert {row[0]: row[1] for row in table_rows(page, "crs-summary-problems")} == PROBLEMS
    who = {row[0]: row for row in table_rows(page, "crs-summary-who")}
    assert len(who) == 8 and all(name.startswith("SAMPLE ") for name in who)
    assert who["SAMPLE Hugo Pretend"][3] == "2 days late"
    assert who["SAMPLE Ada Fictional"][3] == "on time"
    assert "of 23" in who["SAMPLE Ada Fictional"][6]
    missed = page.locator("#crs-summary-missed ~ .crs-summary__scroll tbody tr").first
    assert missed.get_by_role("link").first.get_attribute("href").split("#")[0].endswith(".html")
    key = missed.get_by_role("link", name="Answer key").get_attribute("href")
    assert "/tutor/index.html#guide-q-" in key
    expect(page.locator("svg.crs-chart[role=img]")).to_have_count(2)

    # Every answer to another prompt, side by side; empty answers are shown as such.
    prompt = page.locator("#crs-summary-prompt option").nth(2).get_attribute("value")
    page.select_option("#crs-summary-prompt", prompt)
    answers = page.locator(".crs-summary__answer")
    expect(answers).to_have_count(8)
    expect(page.locator(".crs-summary__answer--empty").first).to_contain_text("No answer")
    expect(answers.first).to_contain_text("words")

    name, data = download(page, "Download CSV")
    assert name == "class-summary-co-production.csv" and data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 8 and rows[0]["learner"] == "SAMPLE Ada Fictional"
    assert prompt in rows[0] and rows[0]["score_percent"].isdigit()
    name, data = download(page, "Download Markdown")
    assert name.endswith(".md") and b"## Prompt " in data and b"## Files skipped" in data
    assert requests == [], "reading files must not make a request"
    assert axe_violations(page) == []
    # On a phone the wide tables scroll inside their own focusable box (the summary's own part:
    # Material's drawer navigation has contrast findings of its own at this width).
    page.set_viewport_size({"width": 480, "height": 800})
    found = page.evaluate("async () => (await axe.run('.crs-summary')).violations.map((v) => v.id)")
    assert found == []


@pytest.mark.browser
def test_page_works_by_keyboard_alone_after_instant_navigation(page, site_url, kit):
    page.goto(f"{site_url}/tutor/index.html")
    page.evaluate("window.crsSamePage = true")
    page.locator(".md-nav--primary a.md-nav__link", has_text="Class summary").first.click()
    files = page.locator("#crs-summary-files")
    expect(files).to_be_visible()
    # Focus and key press in one step: under load, instant navigation may still move focus
    # between a separate focus() and the key.
    with page.expect_file_chooser() as chooser:
        files.press("Space")
    chooser.value.set_files(sample_files(kit))
    expect(page.locator("[data-crs-summary-status]")).to_contain_text("8 submissions")
    assert page.evaluate("window.crsSamePage") is True, "navigation reloaded the page"
    page.locator("#crs-summary-prompt").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".crs-summary__answers blockquote")).to_contain_text("Open in the lesson")
    page.get_by_role("button", name="Download CSV").focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".csv")
    page.get_by_role("button", name="Start again").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-crs-summary-result]")).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "crs-summary-files"


@pytest.mark.browser
def test_page_works_from_a_file_url_with_no_network(page, site_dir, kit, tmp_path):
    blocked: list[str] = []
    page.route("http://**/*", lambda route: (blocked.append(route.request.url), route.abort()))
    page.route("https://**/*", lambda route: (blocked.append(route.request.url), route.abort()))
    page.goto((site_dir / "tutor" / "summary.html").as_uri())
    load_sample(page, kit)
    expect(page.locator("#crs-summary-who ~ .crs-summary__scroll tbody tr")).to_have_count(8)
    # The same files chosen again add nothing; a different file of the same name is kept too.
    load_sample(page, kit)
    other = tmp_path / "sample-damaged-file.json"
    other.write_text("not JSON either", encoding="utf-8")
    page.set_input_files("#crs-summary-files", str(other))
    expect(page.locator("[data-crs-summary-status]")).to_contain_text(
        "from 13 files; 5 files skipped"
    )
    expect(page.locator("#crs-summary-problems ~ .crs-summary__scroll")).to_contain_text(
        "sample-damaged-file.json (2)"
    )
    assert blocked == []


@pytest.mark.browser
def test_downloaded_notebook_runs_in_a_fresh_environment_and_agrees_with_the_page(
    page, site_url, kit, notebook
):
    assert notebook["errors"] == []
    assert len(notebook["images"]) == 2, "completion and score charts"
    for name in PROBLEMS:
        assert f"Skipped: {name}" in notebook["text"]
    page.goto(f"{site_url}/tutor/summary.html")
    load_sample(page, kit)
    for row in table_rows(page, "crs-summary-prompts"):
        assert f"{row[0]}: {row[2]} of {row[3]} answered" in notebook["text"]
    for row in table_rows(page, "crs-summary-scores"):
        assert f"{row[0]}: {row[1]} learners" in notebook["text"]
    assert download(page, "Download Markdown")[1] == notebook["markdown"]
    assert download(page, "Download CSV")[1] == notebook["csv"]
