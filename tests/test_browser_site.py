"""The built site in a real browser: no third-party requests, offline search, axe clean."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import axe_violations
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def page_paths(site_dir, site_pages) -> list[str]:
    return [p.relative_to(site_dir).as_posix() for p in site_pages]


def test_pages_request_nothing_from_other_hosts(page, site_url, site_dir, site_pages):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in page_paths(site_dir, site_pages):
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
    local = urlsplit(site_url).netloc
    foreign = sorted(
        {
            u
            for u in requests
            if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != local
        }
    )
    assert requests, "no requests were recorded at all"
    assert foreign == []


def test_offline_from_file_url_searches_with_no_network(offline_page, site_dir):
    page = offline_page
    page.goto((site_dir / "index.html").as_uri())
    page.keyboard.press("s")  # Material's search shortcut, as a keyboard user opens it
    page.locator("input.md-search__input").wait_for()
    page.keyboard.type("core economy")  # the search listens to key events, not value changes
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    assert page.blocked == []


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_every_page_has_no_axe_violations(page, site_url, site_dir, site_pages, palette):
    page.emulate_media(color_scheme=palette)
    found = {}
    for path in page_paths(site_dir, site_pages):
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}


def test_components_work_after_instant_navigation(page, site_url, model):
    """Clicking through the nav swaps content without a page load (Material's instant
    navigation, on because the site knows its URL); quizzes and the workspace must still come to
    life, their page bundles loaded on the way, and the tutor tools past the footer link."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/index.html")
    page.evaluate("window.crsSamePage = true")

    def follow(title: str) -> None:
        page.locator(".md-nav--primary a.md-nav__link", has_text=title).first.click()
        page.wait_for_load_state()

    follow(model["lessons"][0]["title"])
    question = page.locator("[data-crs-question]").first
    question.locator("input").first.check()
    question.locator("[data-crs-action=check]").click()
    question.locator("[data-crs-result]").filter(has_text="").wait_for()
    follow("My workspace")
    page.locator(".crs-workspace__actions").wait_for()
    # The workspace's course detail (prompt texts) came with its content, not with the first page.
    with page.expect_download() as info:
        page.get_by_role("button", name="Export Markdown").click()
    exported = Path(info.value.path()).read_text(encoding="utf-8")
    assert model["lessons"][0]["reflections"][0]["prompt"].split("\n")[0] in exported
    follow(model["lessons"][1]["title"])
    page.locator("[data-crs-action=check]").first.wait_for()
    assert page.evaluate("window.crsSamePage") is True, "navigation reloaded the page"
    # The tutor area (crs/areas.py) is loaded afresh, with its own search; its tools work.
    page.locator('[data-crs-area-link="tutor"]').click()
    follow("Assignments")
    page.locator("[data-crs-builder-summary]").filter(has_text="Give the assignment").wait_for()
    assert errors == []
