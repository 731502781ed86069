"""Every authoring fault stops a real strict build before site/ is touched: one broken copy of the
project per fault kind, built over a previously built site that must come out byte-for-byte the
same, with the message naming file:line, what was expected and what was found."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build


def _append(project: Path, name: str, addition: str) -> int:
    """Add text after a blank line at the end of docs/<name>; returns its first line number."""
    page = project / "docs" / name
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n" + addition, encoding="utf-8")
    return text.count("\n") + 2


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file; returns the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _line_of(path: Path, pattern: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, start=1) if re.search(pattern, line))


# Each fault: (id, break the project -> (where, what the message says)).
def missing_include(p):
    line = _append(p, "models.md", "{!_includes/no-such-file.md!}\n")
    return f"docs/models.md:{line}", "expected an include file docs/_includes/no-such-file.md"


def broken_front_matter(p):
    line = _replace(p / "docs" / "levels.md", "title: ", "title: [unclosed\nx: ")
    return f"docs/levels.md:{line + 1}", "expected valid YAML, found a syntax error"


def reflection_without_prompt(p):
    line = _append(p, "models.md", "/// reflection | an-empty-prompt\n///\n")
    return f"docs/models.md:{line}", "reflection 'an-empty-prompt' needs its prompt as text"


def quiz_placed_twice(p):
    first = _line_of(p / "docs" / "models.md", r"^/// quiz \| models")
    line = _append(p, "models.md", "/// quiz | models\n///\n")
    return (
        f"docs/models.md:{line}",
        f"quiz 'models' expected once in the course, found it again "
        f"(first placed at docs/models.md:{first})",
    )


def unknown_citation_key(p):
    line = _append(p, "models.md", "As shown before [@no-such-key:3].\n")
    return f"docs/models.md:{line}", "found unknown key 'no-such-key'"


def unknown_marker(p):
    line = _append(p, "glossary.md", "<!-- crs:nonsense -->\n")
    return f"docs/glossary.md:{line}", "unknown marker 'crs:nonsense'"


def unknown_activity(p):
    line = _append(p, "levels.md", "/// activity | read-no-such-thing\n///\n")
    return f"docs/levels.md:{line}", "activity block names 'read-no-such-thing', expected an id"


def link_to_missing_page(p):
    line = _append(p, "levels.md", "See [nowhere](no-such-page.md).\n")
    return f"docs/levels.md:{line}", "link to 'no-such-page.md' expected a file in docs/"


def link_to_missing_anchor(p):
    line = _append(p, "levels.md", "See [models](models.md#no-such-heading).\n")
    return f"docs/levels.md:{line}", "found no '#no-such-heading' there"


def nav_page_missing(p):
    nav = "      - levels.md\n"
    line = _replace(p / "mkdocs.yml", nav, f"{nav}      - leves.md\n")
    return f"mkdocs.yml:{line + 1}", "nav lists 'leves.md', expected a page docs/leves.md"


def lesson_missing_from_nav(p):
    page = "---\ntitle: Stray\ntime: 5\nobjectives: [a]\nkeypoints: [b]\n---\n\n# Stray\n"
    (p / "docs" / "stray.md").write_text(page, encoding="utf-8")
    return "docs/stray.md:1", "expected this page in mkdocs.yml nav"


def quiz_cites_repeated_heading(p):
    quiz = p / "quizzes" / "models.yml"
    line = _line_of(quiz, r"page: models.md#from-passive-recipients-to-active-shapers")
    _append(p, "models.md", "## From passive recipients to active shapers\n\nAgain.\n")
    return f"quizzes/models.yml:{line}", "expected one heading with that title, found 2"


def unknown_block(p):
    line = _append(p, "models.md", "/// exercize | typo\nText\n///\n")
    return f"docs/models.md:{line}", "unknown block '/// exercize'"


def unclosed_block(p):
    line = _append(p, "models.md", "/// reflection | never-closed\nWhy?\n")
    return f"docs/models.md:{line}", "block '/// reflection' is never closed by '///'"


def footnote_without_text(p):
    line = _append(p, "levels.md", "A claim.[^missing-note]\n")
    return f"docs/levels.md:{line}", "footnote '[^missing-note]' expected its text"


def reference_link_without_definition(p):
    line = _append(p, "levels.md", "See [the catalogue][wales-catalogue].\n")
    return f"docs/levels.md:{line}", "expected a definition '[wales-catalogue]: <address>'"


def malformed_citation(p):
    line = _append(p, "levels.md", "As argued [@Boyle and Harris].\n")
    return f"docs/levels.md:{line}", "expected a citation like [@key]"


def image_missing(p):
    line = _append(p, "levels.md", "![The matrix](assets/matrix.png)\n")
    return f"docs/levels.md:{line}", "expected a file in docs/, found no docs/assets/matrix.png"


def duplicate_reflection_id(p):
    first = _line_of(p / "docs" / "models.md", r"^/// reflection \| cuts-or-transformation")
    line = _append(p, "levels.md", "/// reflection | cuts-or-transformation\nAgain?\n///\n")
    return f"docs/levels.md:{line}", f"is already used at docs/models.md:{first}"


def quiz_that_does_not_exist(p):
    line = _append(p, "levels.md", "/// quiz | modles\n///\n")
    return f"docs/levels.md:{line}", "quiz block names 'modles', but there is no quiz"


def glossary_entry_typo(p):
    path = p / "docs" / "_data" / "glossary.yml"
    line = _replace(path, "  definition: ", "  defintion: ")
    return f"docs/_data/glossary.yml:{line}", "has an unknown key 'defintion'"


def reference_entry_typo(p):
    path = p / "docs" / "_data" / "references.yml"
    line = _replace(path, "  role: key-reference", "  rôle: key-reference")
    return f"docs/_data/references.yml:{line}", "has an unknown key 'rôle'"


def activity_with_unknown_reference(p):
    path = p / "docs" / "_data" / "activities.yml"
    line = _replace(path, "reference: coproduction-wales-catalogue", "reference: no-such-ref")
    return f"docs/_data/activities.yml:{line}", "no-such-ref"


def glossary_term_to_missing_heading(p):
    path = p / "docs" / "_data" / "glossary.yml"
    anchor = re.search(r"^  anchor: (\S+)$", path.read_text(encoding="utf-8"), re.M).group(1)
    line = _replace(path, f"  anchor: {anchor}\n", f"  anchor: {anchor}-typo\n")
    return f"docs/_data/glossary.yml:{line}", f"found no '#{anchor}-typo' there"


def components_needing_two_bundles(p):
    line = _append(p, "models.md", "<!-- crs:workspace -->\n")
    return f"docs/models.md:{line}", "marker 'crs:workspace' needs the workspace page bundle"


FAULTS = [
    missing_include,
    broken_front_matter,
    reflection_without_prompt,
    quiz_placed_twice,
    unknown_citation_key,
    unknown_marker,
    unknown_activity,
    link_to_missing_page,
    link_to_missing_anchor,
    nav_page_missing,
    lesson_missing_from_nav,
    quiz_cites_repeated_heading,
    unknown_block,
    unclosed_block,
    footnote_without_text,
    reference_link_without_definition,
    malformed_citation,
    image_missing,
    duplicate_reflection_id,
    quiz_that_does_not_exist,
    glossary_entry_typo,
    reference_entry_typo,
    activity_with_unknown_reference,
    components_needing_two_bundles,
    glossary_term_to_missing_heading,
]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """The real project built once; each failure builds over a copy of it."""
    out = tmp_path_factory.mktemp("good") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.__name__)
def test_fault_stops_the_build_with_file_line_and_keeps_the_last_site(fault, good_site, tmp_path):
    project = copy_project(tmp_path / "project")
    where, what = fault(project)
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = _snapshot(site)
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    lines = result.stderr.strip().split("\n")
    assert any(line.startswith(where) or f" {where}: " in line for line in lines), result.stderr
    assert what in result.stderr
    # One fault, or one per place it shows (two questions may cite one repeated heading).
    assert re.fullmatch(r"\d+ authoring faults? found; nothing was written", lines[-1]), lines
    assert _snapshot(site) == before


def test_one_build_reports_five_faults_in_three_files_sorted(tmp_path):
    project = copy_project(tmp_path / "project")
    made = [
        missing_include(project),
        unknown_citation_key(project),
        link_to_missing_anchor(project),
        footnote_without_text(project),
        glossary_entry_typo(project),
    ]
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    lines = result.stderr.strip().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("ERROR"))
    found = [lines[start].split("-  ", 1)[1], *lines[start + 1 : -1]]
    assert lines[-1] == "5 authoring faults found; nothing was written", result.stderr
    for where, what in made:
        assert any(line.startswith(f"{where}: ") and what in line for line in found), where
    places = [(line.split(":")[0], int(line.split(":")[1])) for line in found]
    assert places == sorted(places)
    assert not (tmp_path / "site").exists()


def test_scripts_check_prints_the_build_messages_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    made = [missing_include(project), unknown_marker(project), nav_page_missing(project)]
    build = mkdocs_build(project, tmp_path / "site")
    check = subprocess.run(
        [sys.executable, "-m", "crs.check", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert check.returncode == 1
    assert check.stderr.strip().split("\n")[-1] == "3 authoring faults found; nothing was written"
    assert check.stderr.strip() in build.stderr.replace("ERROR   -  ", "")
    for where, what in made:
        assert f"{where}: " in check.stderr and what in check.stderr
    assert sorted(p.name for p in project.iterdir()) == sorted(
        ["docs", "mkdocs.yml", "node_modules", "overrides", "quizzes"]
    )


def test_scripts_check_passes_the_real_course():
    check = subprocess.run(
        [sys.executable, "-m", "crs.check"], capture_output=True, text=True, cwd=ROOT
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip().endswith("no faults")
