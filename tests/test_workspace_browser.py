"""The learner workspace in Chromium: answers that are never lost, progress, export and import.

Stored items follow overrides/crs/storage.js: key "crs.v1.<kind>.<id>", value {value, updated}.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, axe_violations
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SAVED = ".crs-reflection__saved"
FIELD = ".crs-reflection__field"
# Text that breaks naive escaping, encodings and directions.
AWKWARD = (
    "Ünïcödé — “quotes” \"double\" 'single' `tick` \\ backslash </script> <b>&amp;\n"
    "emoji 😀👩🏽‍💻🇪🇺 and right-to-left: עברית, العربية\u200f\n\n"
    "tab\tend\r\nlast line"
)


@pytest.fixture(scope="session")
def prompts(model) -> list[tuple[dict, dict]]:
    found = [(lesson, r) for lesson in model["lessons"] for r in lesson["reflections"]]
    assert len(found) >= 2, "the course should have reflection prompts to test with"
    return found


@pytest.fixture(scope="session")
def questions(model) -> list[str]:
    return [
        q for lesson in model["lessons"] for quiz in lesson["quizzes"] for q in quiz["questions"]
    ]


def entry(value, updated="2026-01-02T03:04:05.000Z") -> str:
    return json.dumps({"value": value, "updated": updated})


def course_items(page) -> dict:
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('crs.v1.'))"
        ".map(k => [k, JSON.parse(localStorage.getItem(k))]))"
    )


def seed(page, site_url, items: dict) -> None:
    page.goto(f"{site_url}/index.html")
    page.evaluate(
        "items => { localStorage.clear(); for (const [k, v] of Object.entries(items))"
        " localStorage.setItem(k, v) }",
        items,
    )


def type_answer(page, text: str, index: int = 0) -> None:
    field = page.locator(FIELD).nth(index)
    field.fill(text)
    page.locator(SAVED).nth(index).filter(has_text="Saved").wait_for()


def export(page, label: str, tmp_path):
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_text(encoding="utf-8")


def import_file(page, name: str, text: str) -> None:
    page.set_input_files(
        "#crs-import-file",
        files=[{"name": name, "mimeType": "application/json", "buffer": text.encode("utf-8")}],
    )


# -- never lost ---------------------------------------------------------------------------------


def test_answer_survives_reload_and_instant_navigation(page, site_url, prompts):
    lesson, reflection = prompts[0]
    page.goto(f"{site_url}/{lesson['url']}")
    section = page.locator(f'[data-crs-reflection="{reflection["id"]}"]')
    field = section.locator(FIELD)
    expect(field).to_have_attribute("aria-labelledby", f"reflect-{reflection['id']}-prompt")
    field.fill("My first thoughts on this service")
    section.locator(SAVED).filter(has_text="Saved").wait_for()
    expect(section.locator(".crs-reflection__words")).to_have_text("6 words")
    page.reload()
    expect(field).to_have_value("My first thoughts on this service")
    page.locator(".md-nav--primary a.md-nav__link", has_text="My workspace").click()
    page.wait_for_url("**/workspace.html")
    expect(page.locator(f'[data-crs-reflection="{reflection["id"]}"] {FIELD}')).to_have_value(
        "My first thoughts on this service"
    )
    page.go_back()
    expect(field).to_have_value("My first thoughts on this service")


def test_answer_saved_on_page_hide_before_the_autosave_delay(page, site_url, prompts):
    lesson, reflection = prompts[0]
    page.goto(f"{site_url}/{lesson['url']}")
    page.locator(FIELD).first.press_sequentially("quick")
    page.goto(f"{site_url}/index.html")  # leaves at once: pagehide must save
    saved = course_items(page)[f"crs.v1.reflection.{reflection['id']}"]
    assert saved["value"] == "quick"


def test_answer_survives_closing_and_reopening_the_browser(playwright, site_url, prompts, tmp_path):
    lesson, reflection = prompts[0]
    profile = tmp_path / "profile"

    def browser():
        return playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )

    context = browser()
    page = context.new_page()
    page.goto(f"{site_url}/{lesson['url']}")
    type_answer(page, "Kept across restarts ✓")
    context.close()
    context = browser()
    page = context.new_page()
    page.goto(f"{site_url}/{lesson['url']}")
    expect(page.locator(FIELD).first).to_have_value("Kept across restarts ✓")
    context.close()


def test_an_answer_typed_in_one_tab_appears_in_the_other(context, site_url, prompts):
    lesson, reflection = prompts[0]
    first, second = context.new_page(), context.new_page()
    first.goto(f"{site_url}/{lesson['url']}")
    second.goto(f"{site_url}/workspace.html")
    type_answer(first, "Typed in the first tab")
    other = second.locator(f'[data-crs-reflection="{reflection["id"]}"] {FIELD}')
    other.wait_for()
    second.wait_for_function(
        "([sel, text]) => document.querySelector(sel).value === text",
        arg=[f'[data-crs-reflection="{reflection["id"]}"] textarea', "Typed in the first tab"],
    )


# -- export and import --------------------------------------------------------------------------


def full_state(prompts, questions, model) -> dict:
    long_text = ("Twenty thousand characters, with ünïcödé and 😀. " * 500)[:20000]
    items = {}
    for index, (_, reflection) in enumerate(prompts):
        text = [AWKWARD, long_text][index % 2] + f"\n(answer {index})"
        items[f"crs.v1.reflection.{reflection['id']}"] = entry(text)
    for index, question in enumerate(questions):
        value = {
            "response": "x",
            "checked": True,
            "correct": index % 2 == 0,
            "revealed": False,
            "attempts": 1,
        }
        items[f"crs.v1.quiz.{question}"] = entry(value)
    items[f"crs.v1.page.{model['lessons'][0]['page']}"] = entry({"done": True})
    return items


def test_export_clear_import_brings_everything_back(
    page, site_url, prompts, questions, model, tmp_path
):
    items = full_state(prompts, questions, model)
    seed(page, site_url, items)
    page.goto(f"{site_url}/workspace.html")
    before = course_items(page)
    assert len(before) == len(items)
    exported = json.loads(export(page, "Export JSON", tmp_path))
    assert exported["format"] == "crs-workspace" and exported["schema"] == 1
    assert exported["course"] == model["course"] and exported["version"] == model["version"]
    assert set(exported["answers"]) == {r["id"] for _, r in prompts}

    page.get_by_role("button", name="Clear all").click()
    page.get_by_role("button", name="Clear everything").click()
    assert course_items(page) == {}
    expect(page.locator(FIELD).first).to_have_value("")

    import_file(page, "mine.json", json.dumps(exported))
    panel = page.locator(".crs-workspace__panel")
    panel.wait_for()
    expect(panel).to_contain_text(f"Import {len(items)} items")
    page.get_by_role("button", name="Import", exact=True).click()
    assert course_items(page) == before
    for _, reflection in prompts:
        field = page.locator(f'[data-crs-reflection="{reflection["id"]}"] {FIELD}')
        saved = json.loads(items[f"crs.v1.reflection.{reflection['id']}"])["value"]
        expect(field).to_have_value(saved.replace("\r\n", "\n"))
    page.reload()
    assert course_items(page) == before


def test_markdown_export_has_every_prompt_answer_and_quiz(
    page, site_url, prompts, questions, model, tmp_path
):
    seed(
        page,
        site_url,
        {f"crs.v1.reflection.{r['id']}": entry(f"Answer to {r['id']}") for _, r in prompts[1:]},
    )
    page.goto(f"{site_url}/workspace.html")
    text = export(page, "Export Markdown", tmp_path)
    assert re.search(r"Exported \d{4}-\d\d-\d\d \d\d:\d\d UTC", text)
    for lesson in model["lessons"]:
        assert f"## {lesson['title']}" in text
        for quiz in lesson["quizzes"]:
            assert f"- {quiz['title']}: " in text
    for _, reflection in prompts:
        for line in reflection["prompt"].strip().split("\n"):
            assert f"> {line}".rstrip() in text
    for _, reflection in prompts[1:]:
        assert f"Answer to {reflection['id']}" in text
    assert "_No answer yet._" in text  # the first prompt has none


BAD_FILES = {
    "damaged.json": ('{"format": "crs-workspace", "schema": 1, ', "not valid JSON"),
    "photo.json": (json.dumps({"name": "something else"}), "not a workspace export"),
    "other-course.json": (
        json.dumps({"format": "crs-workspace", "schema": 1, "course": "another-course"}),
        "another course",
    ),
    "future.json": (None, "newer version of the course"),
    "broken-item.json": (None, "is incomplete"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_wrong_or_damaged_import_changes_nothing(page, site_url, prompts, model, name):
    items = {f"crs.v1.reflection.{prompts[0][1]['id']}": entry("Keep me")}
    seed(page, site_url, items)
    page.goto(f"{site_url}/workspace.html")
    before = course_items(page)
    text, message = BAD_FILES[name]
    good = {
        "format": "crs-workspace",
        "schema": 1,
        "course": model["course"],
        "version": "x",
        "exported_at": "2026-01-01T00:00:00Z",
        "answers": {},
        "quizzes": {},
        "pages": {},
    }
    if name == "future.json":
        text = json.dumps({**good, "schema": 99})
    if name == "broken-item.json":
        text = json.dumps({**good, "answers": {prompts[0][1]["id"]: {"text": "new"}}})
    import_file(page, name, text)
    status = page.locator(".crs-workspace__message")
    status.filter(has_text="Nothing was imported").wait_for()
    expect(status).to_contain_text(message)
    expect(page.locator(".crs-workspace__panel")).to_be_hidden()
    assert course_items(page) == before


def test_import_shows_the_changes_and_the_newer_item_wins(page, site_url, prompts, model):
    (_, mine), (_, theirs) = prompts[0], prompts[1]
    seed(
        page,
        site_url,
        {
            f"crs.v1.reflection.{mine['id']}": entry("newer here", "2026-05-01T00:00:00.000Z"),
            f"crs.v1.reflection.{theirs['id']}": entry("older here", "2026-01-01T00:00:00.000Z"),
        },
    )
    page.goto(f"{site_url}/workspace.html")
    export = {
        "format": "crs-workspace",
        "schema": 1,
        "course": model["course"],
        "version": "old",
        "exported_at": "2026-04-01T00:00:00Z",
        "quizzes": {},
        "pages": {},
        "answers": {
            mine["id"]: {"text": "older in file", "updated": "2026-02-01T00:00:00Z"},
            theirs["id"]: {"text": "newer in file", "updated": "2026-03-01T00:00:00Z"},
        },
    }
    import_file(page, "export.json", json.dumps(export))
    panel = page.locator(".crs-workspace__panel")
    panel.wait_for()
    expect(panel).to_contain_text("Import 1 item")
    expect(panel).to_contain_text("newer in the file")
    expect(panel).to_contain_text("kept")
    assert page.evaluate("document.activeElement.textContent").startswith("Import 1 item")
    page.get_by_role("button", name="Import", exact=True).click()
    stored = course_items(page)
    assert stored[f"crs.v1.reflection.{mine['id']}"]["value"] == "newer here"
    assert stored[f"crs.v1.reflection.{theirs['id']}"] == {
        "value": "newer in file",
        "updated": "2026-03-01T00:00:00Z",
    }


# -- storage failures ---------------------------------------------------------------------------

THROWING = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError") },
})
"""
FULL = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError")
}
"""


@pytest.mark.parametrize(("script", "told"), [(THROWING, "not saving"), (FULL, "is full")])
def test_storage_failure_is_told_once_and_export_still_works(
    page, site_url, prompts, tmp_path, script, told
):
    errors = []  # ours only: Material's own scripts also touch localStorage, unguarded
    page.on("pageerror", lambda error: "crs.js" in (error.stack or "") and errors.append(error))
    page.add_init_script(script)
    lesson, reflection = prompts[0]
    page.goto(f"{site_url}/{lesson['url']}")
    page.locator(FIELD).first.fill("Written while storage fails")
    page.locator(FIELD).first.blur()
    expect(page.locator(SAVED).first).to_contain_text("Not saved")
    notices = page.locator(".crs-notice")
    expect(notices).to_have_count(1)
    expect(notices).to_contain_text(told)
    exported = json.loads(export(page, "Export my work", tmp_path))
    assert exported["answers"][reflection["id"]]["text"] == "Written while storage fails"
    page.locator(FIELD).first.fill("Written again")
    page.locator(FIELD).first.blur()
    expect(page.locator(".crs-notice")).to_have_count(1)  # told once
    # Instant navigation keeps the tab, and with it the unsaved work: the link just opens.
    page.locator(".crs-notice").get_by_role("link", name="Open My workspace").click()
    expect(page).to_have_url(re.compile(r"/workspace\.html$"))
    expect(page.locator(".crs-notice")).not_to_contain_text("export it first")
    exported = json.loads(export(page, "Export JSON", tmp_path))
    assert exported["answers"][reflection["id"]]["text"] == "Written again"
    assert errors == []


@pytest.mark.parametrize(
    ("meta", "kept"), [(None, '{"schema": 1}'), ('{"schema": 99}', '{"schema": 99}')]
)
def test_storage_records_its_schema_and_leaves_a_newer_one_alone(
    page, site_url, prompts, meta, kept
):
    """The schema version is where migrations start; a store written by a newer build is read
    as it is and not rewritten."""
    lesson, reflection = prompts[0]
    key = f"crs.v1.reflection.{reflection['id']}"
    seed(page, site_url, {key: entry("Kept as it was"), **({"crs.meta": meta} if meta else {})})
    page.goto(f"{site_url}/{lesson['url']}")
    expect(page.locator(FIELD).first).to_have_value("Kept as it was")
    stored = page.evaluate("localStorage.getItem('crs.meta')")
    assert json.loads(stored) == json.loads(kept)


def test_corrupted_item_is_set_aside_told_and_downloadable(page, site_url, prompts, tmp_path):
    lesson, reflection = prompts[0]
    key = f"crs.v1.reflection.{reflection['id']}"
    seed(page, site_url, {key: "{not json at all"})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/{lesson['url']}")
    notice = page.locator(".crs-notice")
    expect(notice).to_contain_text("damaged")
    expect(page.locator(FIELD).first).to_have_value("")
    raw = json.loads(export(page, "Download damaged data", tmp_path))
    assert raw == {key: "{not json at all"}
    type_answer(page, "A fresh start")
    page.reload()
    expect(page.locator(".crs-notice")).to_have_count(0)  # told once
    expect(page.locator(FIELD).first).to_have_value("A fresh start")
    page.goto(f"{site_url}/workspace.html")
    assert (
        json.loads(export(page, "Export JSON", tmp_path))["answers"][reflection["id"]]["text"]
        == "A fresh start"
    )
    assert errors == []


# -- progress -----------------------------------------------------------------------------------


def test_marking_a_lesson_done_shows_everywhere_and_reset_clears_it(page, site_url, model):
    lesson = model["lessons"][0]
    seed(page, site_url, {})
    page.goto(f"{site_url}/{lesson['url']}")
    toggle = page.get_by_role("button", name="Mark this lesson done")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".md-nav--primary a", has_text=lesson["title"])).to_contain_text("(done)")
    # Marking done claims no objective as met: unlinked ones read "lesson done", linked ones
    # wait for the questions and prompts that practise them.
    unlinked = sum(1 for links in lesson["objective_links"] if not links)
    expect(page.locator(".crs-objective--lesson-done")).to_have_count(unlinked)
    expect(page.locator(".crs-objective--met")).to_have_count(0)
    if unlinked:
        expect(page.locator(".crs-objectives")).to_contain_text("(lesson done)")
    expect(page.locator(".crs-objectives")).not_to_contain_text("(met)")
    page.goto(f"{site_url}/index.html")
    total = len(model["lessons"])
    expect(page.locator(".crs-progress")).to_contain_text(f"1 of {total} lessons done")
    assert page.locator(".crs-progress__bar").evaluate("bar => bar.value") == 1
    item = page.locator(f'[data-crs-lesson-item="{lesson["page"]}"]')
    expect(item.locator(".crs-lesson-status")).to_contain_text("Done")
    page.on("dialog", lambda dialog: pytest.fail(f"a browser dialog was used: {dialog.message}"))
    page.get_by_role("button", name="Reset progress").click()
    confirm = page.locator(".crs-confirm")
    expect(confirm).to_contain_text("Your reflection answers are kept")
    confirm.get_by_role("button", name="Reset progress").click()
    expect(page.locator(".crs-progress")).to_contain_text(f"0 of {total} lessons done")
    assert course_items(page) == {}


def test_a_lesson_is_done_when_every_prompt_and_question_is_answered(page, site_url, model):
    lesson = next(lesson for lesson in model["lessons"] if lesson["reflections"])
    items = {f"crs.v1.reflection.{r['id']}": entry("yes") for r in lesson["reflections"]}
    for quiz in lesson["quizzes"]:
        for question in quiz["questions"]:
            items[f"crs.v1.quiz.{question}"] = entry({"checked": True, "correct": False})
    seed(page, site_url, items)
    page.goto(f"{site_url}/{lesson['url']}")
    expect(page.locator(".crs-lesson-meta__progress")).to_contain_text("Done")
    assert (
        page.get_by_role("button", name="Mark this lesson done").get_attribute("aria-pressed")
        == "false"
    )


# -- accessibility ------------------------------------------------------------------------------


def test_lesson_pages_and_workspace_have_no_axe_violations(page, site_url, model, prompts):
    seed(page, site_url, {f"crs.v1.reflection.{prompts[0][1]['id']}": entry("Some text")})
    found = {}
    for url in ["index.html", "workspace.html", *(lesson["url"] for lesson in model["lessons"])]:
        page.goto(f"{site_url}/{url}", wait_until="networkidle")
        page.locator(".md-nav--primary[data-crs-mounted]").first.wait_for(state="attached")
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    assert found == {}


def test_workspace_panels_have_no_axe_violations(page, site_url):
    page.goto(f"{site_url}/workspace.html", wait_until="networkidle")
    page.get_by_role("button", name="Clear all").click()
    page.mouse.move(0, 0)  # hover colours are not what is checked here
    assert axe_violations(page) == []


def focus_by_tab(page, selector: str, text: str = "", limit: int = 200) -> None:
    """Press Tab until the focused element matches `selector` (and holds `text`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "([sel, text]) => document.activeElement.matches(sel)"
            " && document.activeElement.textContent.includes(text)",
            [selector, text],
        ):
            return
    raise AssertionError(f"Tab never reached {selector} {text}")


def test_keyboard_only_answer_mark_done_and_clear(page, site_url, model, prompts):
    lesson, reflection = prompts[0]
    seed(page, site_url, {})
    page.goto(f"{site_url}/{lesson['url']}")
    focus_by_tab(page, "textarea.crs-reflection__field")
    page.keyboard.type("Typed with the keyboard only")
    focus_by_tab(page, ".crs-lesson-done button")
    expect(page.locator(SAVED).first).to_contain_text("Saved")  # leaving the field saved it
    page.keyboard.press("Space")
    expect(page.locator(".crs-lesson-done button")).to_have_attribute("aria-pressed", "true")

    page.goto(f"{site_url}/workspace.html")
    focus_by_tab(page, ".crs-workspace__actions button", "Clear all")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Clear everything?"
    focus_by_tab(page, ".crs-confirm button", "Clear everything", limit=5)
    page.keyboard.press("Enter")
    assert course_items(page) == {}
    page.locator(".crs-workspace__message").filter(has_text="cleared").wait_for()


def test_exports_download_from_a_file_url(page, site_dir, prompts, tmp_path):
    lesson, reflection = prompts[0]
    page.goto((site_dir / lesson["url"]).as_uri())
    type_answer(page, "Offline, from the file system")
    page.goto((site_dir / "workspace.html").as_uri())
    exported = json.loads(export(page, "Export JSON", tmp_path))
    assert exported["answers"][reflection["id"]]["text"] == "Offline, from the file system"
    assert "Offline, from the file system" in export(page, "Export Markdown", tmp_path)
