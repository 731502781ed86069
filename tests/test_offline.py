"""The offline bundle: scripts/offline's zip, unzipped and opened from file:// in Chromium with
every http(s) request blocked, as a learner with no connection would use it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import expect
from pypdf import PdfReader

from crs import offline, pdf


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "crs.offline", "--dist", str(dist)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return dist / offline.BUNDLE


@pytest.fixture(scope="session")
def unzipped(bundle, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    return target / offline.FOLDER


def test_zip_unpacks_to_one_folder_with_the_site_and_both_pdfs(bundle):
    names = zipfile.ZipFile(bundle).namelist()
    assert all(name.startswith(f"{offline.FOLDER}/") for name in names)
    for edition in pdf.EDITIONS.values():
        assert f"{offline.FOLDER}/downloads/{edition.filename}" in names
    for page in ("index.html", "models.html", "workspace.html", "search/search_index.js"):
        assert f"{offline.FOLDER}/{page}" in names


def test_zip_site_is_stable_and_complete(tmp_path):
    site_dir = tmp_path / "site"
    (site_dir / "b").mkdir(parents=True)
    (site_dir / "index.html").write_text("home")
    (site_dir / "b" / "page.html").write_text("page")
    target = offline.zip_site(site_dir, tmp_path / "out" / "bundle.zip", folder="course")
    assert zipfile.ZipFile(target).namelist() == ["course/b/page.html", "course/index.html"]


@pytest.mark.browser
def test_offline_bundle_from_file_url_searches_answers_saves_and_exports(
    offline_page, unzipped, tmp_path
):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())

    # Search (Material's worker through the vendored iframe-worker shim).
    page.keyboard.press("s")
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for(
        timeout=20000
    )
    # Typed key by key: Material queries on keyup, and a value filled in while the index is
    # still loading is never searched.
    page.locator("input.md-search__input").press_sequentially("core economy", delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    page.keyboard.press("Escape")

    # Navigation to a lesson, then a quiz answered and checked.
    page.goto((unzipped / "definitions.html").as_uri())
    page.locator(".md-nav--primary[data-crs-mounted]").first.wait_for(state="attached")
    question = page.locator('fieldset[data-crs-type="true-false"]').first
    question.locator("input").first.check()
    question.locator('[data-crs-action="check"]').click()
    expect(question.locator("[data-crs-result]")).to_contain_text(re.compile(r"\w"))

    # A reflection saved in the browser, still there after a reload.
    field = page.locator(".crs-reflection__field").first
    field.fill("Written offline")
    page.locator(".crs-reflection__saved").first.filter(has_text="Saved").wait_for()
    page.reload()
    expect(page.locator(".crs-reflection__field").first).to_have_value("Written offline")

    # Export from the workspace.
    page.goto((unzipped / "workspace.html").as_uri())
    with page.expect_download() as download:
        page.get_by_role("button", name="Export Markdown").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert "Written offline" in exported.read_text(encoding="utf-8")

    assert page.blocked == []


def test_the_bundle_pdfs_are_the_whole_module_in_each_edition(unzipped):
    for edition in pdf.EDITIONS.values():
        reader = PdfReader(unzipped / "downloads" / edition.filename)
        assert len(reader.pages) > 10
        cover = reader.pages[0].extract_text()
        assert "Co-production" in cover and edition.label in cover


# Storage turned off, as private browsing or a locked-down browser does.
NO_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError") },
})
"""


@pytest.mark.browser
def test_offline_storage_failure_offers_the_export_before_the_workspace_link_reloads(
    offline_page, unzipped, tmp_path
):
    page = offline_page
    page.add_init_script(NO_STORAGE)
    page.goto((unzipped / "definitions.html").as_uri())
    page.locator(".md-nav--primary[data-crs-mounted]").first.wait_for(state="attached")
    field = page.locator(".crs-reflection__field").first
    field.fill("Typed while nothing is saved")
    field.blur()
    notice = page.locator(".crs-notice")
    expect(notice).to_contain_text("not saving")

    # Following the notice's link would load a new page on file://: it stays, and says why.
    notice.get_by_role("link", name="Open My workspace").click()
    expect(notice).to_contain_text("loses the work this browser is not keeping: export it first")
    assert page.url.endswith("/definitions.html")
    expect(field).to_have_value("Typed while nothing is saved")
    offered = notice.get_by_role("button", name="Export my work")
    expect(offered).to_be_focused()

    with page.expect_download() as download:
        offered.click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    answers = [a["text"] for a in exported["answers"].values()]
    assert "Typed while nothing is saved" in answers

    # Once offered (and here taken), the learner can go on to the workspace.
    notice.get_by_role("link", name="Open My workspace anyway").click()
    expect(page).to_have_url(re.compile(r"/workspace\.html$"))
    assert page.blocked == []
