"""The checked course model and the rendered course text kept in .cache/ between runs
(crs.modelcache, crs.coursetext): read back only for the very same inputs and code, so a
changed input always loads, checks and renders again; a load with faults is never kept."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project

from crs import coursetext, diskcache, model, modelcache
from crs.errors import CourseFaults
from crs.project import read_project


class CountingLoad:
    """model.load_checked, counting the loads that ran their checks."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self, project):
        self.runs += 1
        return model.load_checked(project)


def load(project_dir: Path, checked: CountingLoad):
    return modelcache.load(read_project(project_dir), checked, model._attach)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _title(project: Path, src: str) -> str:
    text = (project / "docs" / src).read_text(encoding="utf-8")
    return re.search(r"^title: (.*)$", text, re.M).group(1)


def test_a_second_load_of_the_same_course_is_read_back_equal_to_a_checked_load(tmp_path):
    project = copy_project(tmp_path)
    checked = CountingLoad()
    first = load(project, checked)
    kept = load(project, checked)
    assert checked.runs == 1
    for field in ("course", "references", "terms", "activities", "version", "warnings"):
        assert getattr(kept, field) == getattr(first, field), field
    assert kept.editing_notes == first.editing_notes
    assert kept.project == read_project(project)
    # The text pipeline is the project's own, not kept in the entry.
    quiz = next(iter(kept.course.quizzes.values()))
    assert kept.text.block(quiz.questions[0].explanation) == first.text.block(
        quiz.questions[0].explanation
    )


def edit_page(project: Path, monkeypatch) -> None:
    _replace(project / "docs" / "models.md", f"title: {_title(project, 'models.md')}", "title: X")


def edit_quiz(project: Path, monkeypatch) -> None:
    _replace(project / "quizzes" / "models.yml", 'title: "', 'title: "Edited ')


def edit_data(project: Path, monkeypatch) -> None:
    glossary = project / "docs" / "_data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def edit_schema(project: Path, monkeypatch) -> None:
    schema = project / "docs" / "_data" / "schemas" / "page.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def edit_include(project: Path, monkeypatch) -> None:
    include = next((project / "docs" / "_includes").iterdir())
    include.write_text(include.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")


def add_file(project: Path, monkeypatch) -> None:
    # A link to it would be checked against the files that exist.
    (project / "docs" / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n")


def edit_settings(project: Path, monkeypatch) -> None:
    _replace(project / "mkdocs.yml", "strict: true", "strict: false")


def test_the_code_version_is_the_same_whatever_folders_sys_path_repeats(monkeypatch):
    """A process started in the checkout has it on sys.path (as "" or by name, once or twice),
    one started elsewhere does not: the same code must get the same version in both."""
    outside = [p for p in sys.path if p and Path(p).resolve() != ROOT]
    versions = []
    for path in (outside, ["", *outside], [str(ROOT), "", *outside, *outside]):
        monkeypatch.setattr(sys, "path", path)
        monkeypatch.chdir(ROOT)
        versions.append(diskcache.code_version.__wrapped__())
    assert versions[0] == versions[1] == versions[2]


def change_directory(project: Path, monkeypatch) -> None:
    monkeypatch.chdir(project / "docs")  # errors and warnings name paths relative to it


def change_code(project: Path, monkeypatch) -> None:
    version = diskcache.code_version()
    monkeypatch.setattr(diskcache, "code_version", lambda: [*version, "edited"])


@pytest.mark.parametrize(
    "change",
    [
        edit_page,
        edit_quiz,
        edit_data,
        edit_schema,
        edit_include,
        add_file,
        edit_settings,
        change_directory,
        change_code,
    ],
)
def test_any_change_to_what_the_load_reads_loads_and_checks_the_course_again(
    tmp_path, monkeypatch, change
):
    monkeypatch.chdir(tmp_path)
    project = copy_project(tmp_path / "course")
    checked = CountingLoad()
    load(project, checked)
    load(project, checked)
    assert checked.runs == 1
    change(project, monkeypatch)
    changed = load(project, checked)
    assert checked.runs == 2
    if change is edit_page:
        assert next(p.title for p in changed.course.pages if p.src == "models.md") == "X"
    if change is edit_quiz:
        assert changed.course.quizzes["models"].title.startswith("Edited ")
    load(project, checked)
    assert checked.runs == 2  # the changed course is kept in its turn


def test_a_load_with_faults_is_checked_again_every_time_and_never_kept(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "models.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n/// reflection\nWhy?\n///\n")
    checked = CountingLoad()
    for _ in range(2):
        with pytest.raises(
            CourseFaults, match=r"docs/models\.md:\d+: '/// reflection' needs an id"
        ):
            load(project, checked)
    assert checked.runs == 2
    assert not list((project / modelcache.CACHE).glob("*.pickle"))


def test_the_warnings_of_a_kept_load_are_given_again(tmp_path):
    project = copy_project(tmp_path)
    _replace(project / "mkdocs.yml", "strict: true", "strict: false")
    unused = (project / "quizzes" / "models.yml").read_text(encoding="utf-8")
    unused = re.sub(r"^(id|  - id): ([\w-]+)", r"\1: \2-spare", unused, flags=re.M)
    (project / "quizzes" / "models-spare.yml").write_text(unused, encoding="utf-8")
    checked = CountingLoad()
    first = load(project, checked)
    kept = load(project, checked)
    assert checked.runs == 1
    assert any("'models-spare' is used by no page" in w for w in first.warnings)
    assert kept.warnings == first.warnings


def test_a_damaged_entry_is_loaded_again_and_replaced(tmp_path):
    project = copy_project(tmp_path)
    checked = CountingLoad()
    load(project, checked)
    [entry] = (project / modelcache.CACHE).glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    load(project, checked)
    assert checked.runs == 2
    assert pickle.loads(entry.read_bytes()).version == load(project, checked).version
    assert checked.runs == 2


def test_only_the_newest_entries_are_kept(tmp_path):
    folder = tmp_path / "cache"
    for number in range(modelcache.KEEP + 2):
        diskcache.write(folder / f"{number}.pickle", number, modelcache.KEEP)
        os.utime(folder / f"{number}.pickle", ns=(number, number))
    assert sorted(p.name for p in folder.glob("*.pickle")) == [
        f"{n}.pickle" for n in range(2, modelcache.KEEP + 2)
    ]


# --------------------------------------------------------------------------------------------
# Course text kept on disk
# --------------------------------------------------------------------------------------------


def test_course_text_is_kept_when_the_process_ends_and_read_back_for_the_same_pipeline(
    tmp_path, monkeypatch
):
    kept_in = tmp_path / coursetext.TEXT_CACHE
    script = (
        "import sys; from pathlib import Path; from crs.coursetext import markdown_renderer; "
        "render = markdown_renderer(kept_in=Path(sys.argv[1])); print(render('**kept**'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(kept_in)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    [entry] = kept_in.glob("*.pickle")
    assert pickle.loads(entry.read_bytes()) == {"**kept**": "<p><strong>kept</strong></p>"}

    # What is kept is what a new renderer of this pipeline answers with (an entry made up here
    # shows it is read rather than rendered again)...
    entry.write_bytes(pickle.dumps({"**kept**": "<p>from the cache</p>"}))
    monkeypatch.setattr(coursetext, "_RENDERERS", {})
    assert coursetext.markdown_renderer(kept_in=kept_in)("**kept**") == "<p>from the cache</p>"
    # A tampered entry cannot put markup that runs on a page: CourseText sanitises again.
    entry.write_bytes(pickle.dumps({"**kept**": "<p onclick='x()'>a<script>x()</script></p>"}))
    monkeypatch.setattr(coursetext, "_RENDERERS", {})
    text = coursetext.CourseText(coursetext.markdown_renderer(kept_in=kept_in))
    assert text.block("**kept**") == "<p>a</p>"
    # ... and never for another pipeline, or another version of the code.
    other = ["pymdownx.betterem"]
    assert coursetext.markdown_renderer(other, kept_in=kept_in)("**kept**") == (
        "<p><strong>kept</strong></p>"
    )
    monkeypatch.setattr(coursetext, "_RENDERERS", {})
    version = diskcache.code_version()
    monkeypatch.setattr(diskcache, "code_version", lambda: [*version, "edited"])
    assert coursetext.markdown_renderer(kept_in=kept_in)("**kept**") == (
        "<p><strong>kept</strong></p>"
    )
