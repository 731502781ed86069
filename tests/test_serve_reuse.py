"""scripts/serve keeps the pages whose inputs did not change (crs/reuse.py): after each kind of
save, every page and search index it serves is what a clean build of the same files gives,
so a kept page is never stale and a changed one never missed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build
from test_serve import fetch, page_as_built, serving, wait_for


def served_differences(url: str, clean: Path) -> list[str]:
    """Files of the clean build that serve gives differently (search indexes compared as sets
    of entries: a dirty build appends the entries of the pages it built)."""
    differences = []
    for path in sorted(clean.rglob("*")):
        rel = path.relative_to(clean).as_posix()
        if path.suffix == ".html":
            if page_as_built(f"{url}/{rel}") != path.read_bytes():
                differences.append(rel)
        elif path.name == "search_index.json":
            served = json.loads(fetch(f"{url}/{rel}")[1])
            built = json.loads(path.read_bytes())
            key = lambda index: sorted(json.dumps(d, sort_keys=True) for d in index["docs"])  # noqa: E731
            if key(served) != key(built) or served["config"] != built["config"]:
                differences.append(rel)
    return differences


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    with serving(project) as (url, server, log):
        yield project, url, server, log


def last_plan(log: list[str]) -> tuple[int, int]:
    """(pages built, pages in all) of the last rebuild, as serve logs it."""
    plans = re.findall(r"Building (\d+) of (\d+) pages", "".join(log))
    return tuple(map(int, plans[-1]))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check_against_clean_build(project: Path, url: str, tmp_path: Path, name: str) -> None:
    clean = tmp_path / name
    result = mkdocs_build(project, clean, env={"CRS_SITE_URL": f"{url}/"})
    assert result.returncode == 0, result.stderr
    assert served_differences(url, clean) == []


def test_every_kind_of_save_serves_what_a_clean_build_gives(served, tmp_path):
    project, url, server, log = served
    docs = project / "docs"

    # A lesson's text: that lesson is built again, the other lessons are kept.
    edit(docs / "models.md", "## ", "A sentence added while serving.\n\n## ")
    wait_for(f"{url}/models.html", b"A sentence added while serving.", server)
    built, total = last_plan(log)
    assert 0 < built < total
    check_against_clean_build(project, url, tmp_path, "lesson")

    # A title in front matter: every page's navigation shows it.
    lesson = docs / "levels.md"
    title = re.search(r"^title: (.*)$", lesson.read_text(encoding="utf-8"), re.M).group(1)
    edit(lesson, f"title: {title}", "title: Levels renamed while serving")
    wait_for(f"{url}/definitions.html", b"Levels renamed while serving", server)
    assert last_plan(log)[0] == last_plan(log)[1]
    check_against_clean_build(project, url, tmp_path, "title")

    # Quiz data, outside docs/: the page placing the quiz and the tutor pages.
    quiz = next((project / "quizzes").glob("*.yml"))
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(
        re.sub(r"^title:.*$", "title: Quiz renamed while serving", text, count=1, flags=re.M),
        encoding="utf-8",
    )
    wait_for(f"{url}/tutor/index.html", b"Quiz renamed while serving", server)
    check_against_clean_build(project, url, tmp_path, "quiz")

    # A lesson's text again, now that the first edits are the kept state.
    edit(docs / "definitions.md", "## ", "Another sentence added while serving.\n\n## ")
    wait_for(f"{url}/definitions.html", b"Another sentence added while serving.", server)
    check_against_clean_build(project, url, tmp_path, "again")
