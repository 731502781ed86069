"""Every page at 320, 390 and 1280 px, in the light and dark palettes: nothing makes the page
scroll sideways (WCAG 1.4.10; wide tables scroll in their own container), and every text input,
select and textarea shows a boundary of at least 3:1 (WCAG 1.4.11). Axe runs on each page at
390 px (test_browser_site runs it at desktop width)."""

from __future__ import annotations

import pytest
from conftest import axe_violations
from pagechecks import CONTROL_BOUNDARIES, HORIZONTAL_OVERFLOW

pytestmark = pytest.mark.browser

WIDTHS = (320, 390, 1280)
PALETTES = ("light", "dark")


def addresses(site_dir, site_pages, model) -> list[str]:
    pages = [p.relative_to(site_dir).as_posix() for p in site_pages]
    # The assignment page shows its name field and prompts only for a link that names them.
    prompt = model["lessons"][0]["reflections"][0]["id"]
    quiz = next(q["id"] for lesson in model["lessons"] for q in lesson["quizzes"])
    return [*pages, f"assignment.html#v=1&id=a&t=Week&r={prompt}&q={quiz}"]


@pytest.mark.parametrize("palette", PALETTES)
def test_no_page_scrolls_sideways_every_control_has_a_visible_boundary_and_axe_is_clean(
    page, site_url, site_dir, site_pages, model, palette
):
    page.emulate_media(color_scheme=palette)
    overflowing, faint, violations, seen = [], [], {}, 0
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 844 if width < 1000 else 900})
        for address in addresses(site_dir, site_pages, model):
            page.goto(f"{site_url}/{address}", wait_until="networkidle")
            extra = page.evaluate(HORIZONTAL_OVERFLOW)
            if extra > 0:
                overflowing.append((width, address, extra))
            if width == 390:
                found = axe_violations(page)
                if found:
                    violations[address] = found
            for control in page.evaluate(CONTROL_BOUNDARIES):
                seen += 1
                if control["contrast"] < 3:
                    faint.append((width, address, control["control"], control["contrast"]))
    assert seen, "no form control was found on any page"
    assert overflowing == []
    assert faint == []
    assert violations == {}
