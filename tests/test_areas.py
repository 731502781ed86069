"""Learners are not led to answers: the learner navigation, pages and search index never point at
the tutor area (crs/areas.py) or the tutor PDF; tutors reach it from the marked footer link, and
their pages carry a navigation and a search of their own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from htmlpages import page_refs
from playwright.sync_api import expect


def learner_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.glob("*.html"))


def footer_tutor_links(html: str) -> int:
    return len(re.findall(r'<a [^>]*data-crs-area-link="tutor"', html))


def primary_nav(html: str) -> str:
    return html.split('data-md-type="navigation"', 1)[1].split("md-sidebar--secondary", 1)[0]


def test_learner_pages_lead_to_no_tutor_page_or_tutor_pdf_but_the_footer_link(site_dir):
    assert learner_pages(site_dir)
    for path in learner_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        tutor_links = [url for _, url in page_refs(path).links if "tutor/" in url]
        assert len(tutor_links) == 1, (path.name, tutor_links)
        assert tutor_links[0].endswith("tutor/index.html"), (path.name, tutor_links)
        assert footer_tutor_links(html) == 1, path.name
        assert "-tutor.pdf" not in html, path.name
        nav = primary_nav(html)
        assert "Tutor" not in nav and "tutor/" not in nav, path.name


def test_learner_search_index_has_no_tutor_page_and_the_tutor_index_only_tutor_pages(site_dir):
    learner = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    tutor = json.loads((site_dir / "tutor" / "search" / "search_index.json").read_text("utf-8"))
    assert learner["docs"] and tutor["docs"]
    assert not [d for d in learner["docs"] if d["location"].startswith("tutor/")]
    assert "var __index = " in (site_dir / "tutor" / "search" / "search_index.js").read_text()
    # Tutor locations are relative to the tutor area's search base (tutor/).
    for doc in tutor["docs"]:
        assert (site_dir / "tutor" / doc["location"].split("#")[0]).is_file(), doc["location"]
    assert {d["location"].split("#")[0] for d in tutor["docs"]} >= {"index.html"}
    learner_text = " ".join(d["text"] for d in learner["docs"])
    assert "Answer key" not in learner_text


def test_tutor_pages_have_their_own_navigation_and_a_way_back(site_dir):
    for path in sorted((site_dir / "tutor").glob("*.html")):
        html = path.read_text(encoding="utf-8")
        nav = primary_nav(html)
        assert 'href="collate.html"' in nav and 'href="../index.html"' in nav, path.name
        assert "../models.html" not in nav, path.name
        assert 'data-crs-area-link="learner"' in html, path.name


@pytest.mark.browser
def test_a_learner_search_finds_no_tutor_page_and_a_tutor_search_finds_tutor_pages(page, site_url):
    def search(url: str, words: str):
        page.goto(url)
        page.keyboard.press("s")
        page.locator("input.md-search__input").wait_for()
        page.keyboard.type(words)
        results = page.locator(".md-search-result__item a")
        expect(results.first).to_be_visible()
        # Read in one go: the result list is still growing while the search renders it.
        return results.evaluate_all("links => links.map((link) => link.getAttribute('href'))")

    learner = search(f"{site_url}/index.html", "substitutive")
    assert learner and not [href for href in learner if "/tutor/" in href], learner
    tutor = search(f"{site_url}/tutor/index.html", "substitutive")
    assert tutor and all(href.startswith(f"{site_url}/tutor/") for href in tutor), tutor


@pytest.mark.browser
def test_tutors_reach_their_area_from_the_footer_and_come_back(page, site_url):
    page.goto(f"{site_url}/models.html")
    link = page.locator('[data-crs-area-link="tutor"]')
    expect(link).to_contain_text("For tutors")
    link.click()
    expect(page).to_have_url(f"{site_url}/tutor/index.html")
    expect(page.locator(".md-nav--primary")).to_contain_text("Assignments")
    page.locator('[data-crs-area-link="learner"]').click()
    expect(page).to_have_url(f"{site_url}/index.html")


def test_the_tutor_sitemap_lists_tutor_pages_only(site_dir):
    locs = re.findall(r"<loc>(.*?)</loc>", (site_dir / "tutor" / "sitemap.xml").read_text())
    assert locs and all("/tutor/" in loc for loc in locs), locs
    assert any(loc.endswith("/tutor/summary.html") for loc in locs), locs


@pytest.mark.browser
def test_leaving_the_tutor_area_by_its_navigation_loads_the_learner_page_afresh(page, site_url):
    page.goto(f"{site_url}/tutor/index.html")
    page.evaluate("window.crsSamePage = true")
    page.locator(".md-nav--primary a.md-nav__link", has_text="Back to the course").first.click()
    expect(page).to_have_url(f"{site_url}/index.html")
    expect(page.locator("[data-crs-area-link]")).to_have_attribute("data-crs-area-link", "tutor")
    assert page.evaluate("window.crsSamePage") is None, "the learner page kept the tutor search"


@pytest.mark.browser
def test_the_tutor_search_works_from_a_file_url(page, site_dir):
    page.goto((site_dir / "tutor" / "index.html").as_uri())
    page.keyboard.press("s")
    page.locator("input.md-search__input").wait_for()
    page.keyboard.type("substitutive")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    # Read in one go: the result list is still growing while the search renders it.
    hrefs = results.evaluate_all("links => links.map((link) => link.getAttribute('href'))")
    tutor_folder = (site_dir / "tutor").as_uri()
    assert hrefs and all(href.startswith(tutor_folder) for href in hrefs), hrefs
