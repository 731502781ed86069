"""Every local href/src in the built site resolves, independent of MkDocs' own checks."""

from __future__ import annotations

import os
import re
import urllib.request
from urllib.parse import unquote, urlsplit

import pytest
from htmlpages import is_external, page_refs

WELL_FORMED_URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s<>\"]*)?$")


def local_link_problems(site_dir, pages) -> list[str]:
    ids_cache: dict = {}

    def ids_of(path):
        if path not in ids_cache:
            ids_cache[path] = page_refs(path).ids
        return ids_cache[path]

    problems = []
    for page in pages:
        for where, url in page_refs(page).links:
            if not url or is_external(url) or url.startswith(("data:", "javascript:")):
                continue
            parts = urlsplit(url)
            # Root-absolute URLs (Material's 404 page uses them) resolve against the site root.
            base = site_dir if parts.path.startswith("/") else page.parent
            path = unquote(parts.path).lstrip("/")
            target = page if not parts.path else (base / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            name = page.relative_to(site_dir)
            if not target.exists():
                problems.append(f"{name}: {where} -> {url} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in ids_of(target):
                    problems.append(f"{name}: {where} -> {url} (no such anchor)")
    return problems


def test_every_local_link_and_anchor_resolves(site_dir, site_pages):
    assert local_link_problems(site_dir, site_pages) == []


def test_link_checker_reports_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#nope">x</a><img src="gone.png"><p id="here">')
    (tmp_path / "b.html").write_text('<a href="a.html#here">back</a>')
    problems = local_link_problems(tmp_path, [tmp_path / "a.html", tmp_path / "b.html"])
    assert problems == [
        "a.html: a.href -> b.html#nope (no such anchor)",
        "a.html: img.src -> gone.png (no such file)",
    ]


def external_urls(pages, site_url: str) -> set[str]:
    """Absolute URLs to other sites (the site's own address, in canonical links, is not one)."""
    return {
        url
        for page in pages
        for _, url in page_refs(page).links
        if url.startswith(("http", "//")) and not url.startswith(site_url)
    }


def test_external_urls_are_well_formed(site_pages, site_url):
    bad = sorted(
        url for url in external_urls(site_pages, site_url) if not WELL_FORMED_URL.match(url)
    )
    assert bad == []


@pytest.mark.online
@pytest.mark.skipif(os.environ.get("CRS_CHECK_ONLINE") != "1", reason="set CRS_CHECK_ONLINE=1")
def test_external_urls_answer_online(site_pages, site_url):
    dead = []
    for url in sorted(external_urls(site_pages, site_url)):
        request = urllib.request.Request(
            url, method="HEAD", headers={"User-Agent": "crs-linkcheck"}
        )
        try:
            urllib.request.urlopen(request, timeout=15)
        except Exception as error:  # noqa: BLE001 - any failure is a finding to report
            dead.append(f"{url}: {error}")
    assert dead == []
