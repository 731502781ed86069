"""Objectives linked in front matter (`practised_by`) show as met in the browser only once what
practises them is done; marking the lesson done ticks the others as "lesson done". A copy of
the project whose models lesson links its objectives, built and served here."""

from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest
import yaml
from conftest import copy_project, mkdocs_build
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

QUESTION = "models-cuts-intention"
PROMPT = "cuts-or-transformation"


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("linked") / "project")
    page = project / "docs" / "models.md"
    _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    texts = [o["text"] if isinstance(o, dict) else o for o in meta["objectives"]]
    first = texts[0]
    # The first objective linked to one question and one prompt, the others to nothing.
    meta["objectives"] = [{"text": first, "practised_by": [QUESTION, PROMPT]}, *texts[1:]]
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    page.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", first
    server.shutdown()
    server.server_close()


def stored(value) -> str:
    return json.dumps({"value": value, "updated": "2026-01-02T03:04:05.000Z"})


def test_a_linked_objective_is_met_only_by_what_practises_it(page, linked_site):
    url, objective = linked_site
    page.goto(f"{url}/models.html")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    item = page.locator(".crs-objectives li", has_text=objective)
    others = page.locator(".crs-objectives li").filter(has_not_text=objective)
    page.get_by_role("button", name="Mark this lesson done").click()
    expect(item).not_to_contain_text("(met)")
    expect(item).not_to_contain_text("(lesson done)")
    expect(others.first).to_contain_text("(lesson done)")

    page.evaluate(
        "([q, p, right, text]) => { localStorage.setItem(`crs.v1.quiz.${q}`, right);"
        " localStorage.setItem(`crs.v1.reflection.${p}`, text) }",
        [QUESTION, PROMPT, stored({"checked": True, "correct": True}), stored("Written.")],
    )
    page.reload()
    expect(item).to_contain_text("(met)")
    expect(page.locator(".crs-objective--met")).to_have_count(1)


def test_the_module_home_shows_the_same_states(page, linked_site):
    url, objective = linked_site
    page.goto(f"{url}/index.html")
    page.evaluate(
        "([key, done]) => { localStorage.clear(); localStorage.setItem(key, done) }",
        ["crs.v1.page.models.md", stored({"done": True})],
    )
    page.reload()
    lesson = page.locator('[data-crs-lesson-item="models.md"]')
    expect(lesson.locator("li", has_text=objective)).not_to_contain_text("(met)")
    expect(lesson.locator(".crs-objective--lesson-done").first).to_contain_text("(lesson done)")
