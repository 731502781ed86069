"""Every learner page with JavaScript turned off: its text, every question with its options and a
notice where checking would be, every reflection prompt with a text box and a notice, both
pointing at the learner edition (PDF), and no words that only make sense with JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

JS_ONLY_WORDS = ("Score", "stays in this browser", "stay in this browser", "Reset quiz")


@pytest.fixture
def nojs_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def learner_pages(site_dir) -> list[str]:
    return sorted(p.name for p in site_dir.glob("*.html") if p.name != "404.html")


def test_every_learner_page_reads_without_javascript(nojs_page, site_url, site_dir):
    page = nojs_page
    quizzes = prompts = 0
    for name in learner_pages(site_dir):
        page.goto(f"{site_url}/{name}")
        main = page.locator("article.md-content__inner")
        assert len(main.inner_text().split()) > 20, f"{name}: no text"
        visible = main.inner_text()
        for words in JS_ONLY_WORDS:
            assert words not in visible, (name, words)
        buttons = page.get_by_role("button", name="Check", exact=True)
        assert not [b for b in buttons.all() if b.is_visible()], f"{name}: a Check button"
        for quiz in page.locator("form[data-crs-quiz]:visible").all():
            quizzes += 1
            notice = quiz.locator(".crs-nojs")
            expect(notice).to_be_visible()
            expect(notice).to_contain_text("needs JavaScript")
            assert (
                notice.locator("a")
                .get_attribute("href")
                .endswith("downloads/co-production-learner.pdf")
            )
            for question in quiz.locator("fieldset[data-crs-question]").all():
                expect(question.locator("legend")).to_be_visible()
                options = question.locator("input, select, .crs-order__item")
                assert options.count(), (name, question.get_attribute("data-crs-question"))
                expect(options.first).to_be_visible()
        for prompt in page.locator("[data-crs-reflection]:visible").all():
            prompts += 1
            expect(prompt.locator("textarea")).to_be_visible()
            notice = prompt.locator(".crs-nojs")
            expect(notice).to_contain_text("cannot be saved")
            assert (
                notice.locator("a")
                .get_attribute("href")
                .endswith("downloads/co-production-learner.pdf")
            )
    assert quizzes and prompts, "no quiz or prompt was checked"


@pytest.mark.parametrize("fragment", ["", "#v=1&id=a&t=Week"])
def test_the_assignment_page_says_what_it_needs_without_javascript(nojs_page, site_url, fragment):
    """With or without a link: what the page is for, served visible (it paints before any script
    runs), then why no assignment shows and where to work on paper."""
    nojs_page.goto(f"{site_url}/assignment.html{fragment}")
    empty = nojs_page.locator("[data-crs-assignment-empty]")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("Open that link to see your assignment.")
    notice = nojs_page.locator(".crs-nojs").first
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("needs JavaScript")
    expect(notice.locator("a")).to_have_attribute("href", "downloads/co-production-learner.pdf")
    # Read in that order: the message, then the notice that explains it.
    expect(nojs_page.locator("[data-crs-assignment-empty] + noscript > .crs-nojs")).to_be_visible()
