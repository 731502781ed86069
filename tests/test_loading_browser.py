"""How our code reaches a learner's browser (issue 14): no script or stylesheet of ours holds up
the first render, the offline search shim only on file://, nothing moves when our styles and
scripts arrive, and everything still works from file:// and through instant navigation."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

OURS = re.compile(r"/assets/(?:crs|vendor)/")

# Of the page as served (not as scripts left it): every script of ours deferred or async, every
# stylesheet of ours outside <noscript> on a medium the screen does not match, so the browser
# does not wait for it; <noscript> copies are for readers without JavaScript. The iframe-worker
# shim is named only inside the script that writes it in on file:// (overrides/main.html).
SERVED_MARKUP = """html => {
  const doc = new DOMParser().parseFromString(html, "text/html")
  const url = (e) => e.getAttribute("src") ?? e.getAttribute("href") ?? ""
  const ours = (e) => /assets\\/(crs|vendor)\\//.test(url(e))
  const scripts = [...doc.querySelectorAll("script[src]")].filter(ours)
  const sheets = [...doc.querySelectorAll('link[rel="stylesheet"]')]
    .filter((l) => ours(l) && !l.closest("noscript"))
  const blocks = (l) => matchMedia(l.media || "all").matches
  return {
    scripts: scripts.length,
    blockingScripts: scripts.filter((s) => !s.defer && !s.async).map(url),
    sheets: sheets.length,
    blockingSheets: sheets.filter(blocks).map(url),
    shim: [...doc.querySelectorAll("[src], [href]")].some((e) => /iframe-worker/.test(url(e))),
  }
}"""

# The browser's own verdict on each resource of ours it fetched (Resource Timing).
RENDER_BLOCKING = """() => performance.getEntriesByType("resource")
  .filter((e) => /\\/assets\\/(crs|vendor)\\//.test(e.name))
  .map((e) => [e.name.split("/").pop(), e.renderBlockingStatus])"""


# A page's one stylesheet and one script of ours (crs.frontend.combination), outside <noscript>.
SHEET = 'link[rel="stylesheet"][href*="assets/crs/crs"]:not(noscript *)'
SCRIPT = 'script[src*="assets/crs/crs"]'


def learner_pages(site_dir) -> list[str]:
    return sorted(p.name for p in site_dir.glob("*.html"))


def test_nothing_of_ours_blocks_the_first_render_and_the_shim_stays_off_http(
    page, site_url, site_dir
):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for name in learner_pages(site_dir):
        served = page.goto(f"{site_url}/{name}", wait_until="load")
        found = page.evaluate(SERVED_MARKUP, served.text())
        assert found["scripts"] and found["sheets"], name
        assert found["blockingScripts"] == [], name
        assert found["blockingSheets"] == [], name
        assert found["shim"] is False, f"{name} names the iframe-worker shim over http"
        fetched = page.evaluate(RENDER_BLOCKING)
        assert fetched and all(status == "non-blocking" for _, status in fetched), (name, fetched)
        # Not loaded, and Material's search runs its own Worker.
        assert page.evaluate("typeof window.IFrameWorker") == "undefined", name
        # Our styles are switched on once they have arrived.
        expect(page.locator(SHEET)).to_have_attribute("media", "all")
    assert not [url for url in requested if "iframe-worker" in url]
    assert [url for url in requested if OURS.search(url)]


def test_search_works_over_http_without_the_shim(page, site_url):
    page.goto(f"{site_url}/index.html")
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("core economy", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)


SHIFTS = """() => new Promise((done) => {
  const moved = []
  new PerformanceObserver((list) => {
    for (const shift of list.getEntries()) if (!shift.hadRecentInput) moved.push(
      shift.sources.map((s) => s.node?.outerHTML?.slice(0, 60) ?? s.node?.textContent ?? "?"))
  }).observe({ type: "layout-shift", buffered: true })
  setTimeout(() => done(moved), 300)
})"""


def test_nothing_moves_on_a_phone_as_our_styles_and_scripts_arrive(browser, site_url, model):
    """The first screen of each lesson is styled in the page and keeps the room scripts fill
    (first.css): no layout shift while crs.css, lessons.css and the scripts arrive."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    # Our files a little late, as on a slow connection: they arrive after the first render.
    page.route(re.compile(r".*/assets/crs/.*"), lambda route: (time.sleep(0.15), route.continue_()))
    for lesson in model["lessons"]:
        page.goto(f"{site_url}/{lesson['url']}", wait_until="load")
        expect(page.locator(".crs-lesson-meta__progress")).to_contain_text("Your progress")
        assert page.evaluate(SHIFTS) == [], lesson["url"]
    context.close()


def test_the_assignment_page_paints_its_message_before_our_scripts_and_keeps_it(browser, site_url):
    """Without a link, the assignment page's message is its largest text (what Lighthouse times
    as LCP): served visible, so it is there before any script of ours has run, and nothing moves
    when they run (assignment.js hides it only for a link naming an assignment)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    message = page.locator("[data-crs-assignment-empty]")
    page.route(re.compile(r".*/assets/crs/.*\.js$"), lambda route: route.abort())
    page.goto(f"{site_url}/assignment.html", wait_until="load")
    expect(message).to_be_visible()
    expect(page.locator("[data-crs-assignment][data-crs-mounted]")).to_have_count(0)
    page.unroute_all()
    page.route(re.compile(r".*/assets/crs/.*"), lambda route: (time.sleep(0.15), route.continue_()))
    page.goto(f"{site_url}/assignment.html", wait_until="load")
    expect(page.locator("[data-crs-assignment][data-crs-mounted]")).to_have_count(1)
    expect(message).to_be_visible()
    assert page.evaluate(SHIFTS) == []
    context.close()


def lesson_with(model, what: str) -> dict:
    return next(lesson for lesson in model["lessons"] if lesson[what])


def answer_first_question(page) -> None:
    question = page.locator('[data-crs-type="true-false"], [data-crs-type="single"]').first
    question.locator("input").first.check()
    question.locator("[data-crs-action=check]").click()
    expect(question.locator("[data-crs-result]")).to_contain_text(re.compile(r"\w"))


def work_through_lesson(page, lesson: dict, note: str) -> None:
    """Styles applied, a quiz question checked, a reflection saved, the lesson marked done."""
    expect(page.locator(".crs-quiz").first).to_have_css("border-top-width", "1px")  # crs.css
    expect(page.locator(".crs-lesson-meta__progress")).to_contain_text("Your progress")
    answer_first_question(page)
    field = page.locator(".crs-reflection__field").first
    field.fill(note)
    expect(page.locator(".crs-reflection__saved").first).to_contain_text("Saved")
    page.get_by_role("button", name="Mark this lesson done").click()
    link = page.locator(".md-nav--primary a.md-nav__link", has_text=lesson["title"]).first
    expect(link.locator(".crs-mark--done")).to_have_count(1)


def test_from_file_url_quizzes_reflections_and_progress_work(offline_page, site_dir, model):
    page = offline_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    lesson = lesson_with(model, "reflections")
    page.goto((site_dir / lesson["url"]).as_uri())
    # Where search needs it, the shim is there before Material's bundle.
    expect(page.locator('script[src$="iframe-worker-shim.js"]')).to_have_count(1)
    work_through_lesson(page, lesson, "Written from file://")
    page.reload()
    expect(page.locator(".crs-reflection__field").first).to_have_value("Written from file://")
    page.goto((site_dir / "index.html").as_uri())
    item = page.locator(f'[data-crs-lesson-item="{lesson["page"]}"]')
    expect(item.locator(".crs-lesson-status")).to_contain_text("Done")
    expect(page.locator(".crs-progress")).to_have_css("margin-bottom", re.compile(r"^[1-9]"))
    assert errors == [] and page.blocked == []


# The page's course detail script has run: its element holds the objective links.
DETAIL_LOADED = (
    "document.getElementById('crs-course-detail')?.crsData?.lessons.every((l) => l.objective_links)"
)


def test_after_instant_navigation_styles_and_components_work(page, site_url, model):
    """From a page with no page bundle into a lesson and back home through the nav: the content
    is swapped without a page load, the lesson's script and stylesheet arrive with it and
    replace the glossary's, and the glossary's modules go on serving (one storage state)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/glossary.html")
    expect(page.locator("#crs-course-detail")).to_have_count(0)
    page.evaluate("window.crsSamePage = true; window.crsFirst = window.crs")
    lesson = lesson_with(model, "reflections")
    page.locator(".md-nav--primary a.md-nav__link", has_text=lesson["title"]).first.click()
    expect(page.locator("[data-crs-lesson]")).to_have_attribute("data-crs-mounted", "true")
    # The lesson's course detail (crs.coursedata), a script in the content, ran with it.
    page.wait_for_function(DETAIL_LOADED)
    work_through_lesson(page, lesson, "Written after instant navigation")
    # lessons.css, which the glossary does not load, came with the lesson.
    expect(page.locator(".crs-lesson-done")).to_have_css("margin-top", re.compile(r"^[1-9]"))
    page.locator(".md-nav--primary a.md-nav__link").first.click()
    item = page.locator(f'[data-crs-lesson-item="{lesson["page"]}"]')
    expect(item.locator(".crs-lesson-status")).to_contain_text("Done")
    page.wait_for_function(DETAIL_LOADED)
    assert page.evaluate("window.crsSamePage") is True, "navigation reloaded the page"
    assert page.evaluate("window.crs === window.crsFirst")
    expect(page.locator(SHEET)).to_have_attribute("href", re.compile(r"crs-home\.css$"))
    assert page.locator(SHEET).count() == 1
    assert page.locator(SCRIPT).count() == 1
    assert errors == []
