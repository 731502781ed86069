"""The shape of the code that keeps it changeable: the course model imports no output, the hook-
facing module is the hook's alone, no import cycle in crs/, question types live in their
registry, and no module grows past what one reader holds in mind."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from crs.questiontypes import TYPES

ROOT = Path(__file__).resolve().parent.parent
HOOK_FACING = "crs.site"
MAX_LINES = 300


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every crs module a file imports, at module level or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name == "crs" or name.startswith("crs.")}


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in (ROOT / "crs").rglob("*.py")}
    return {
        name: {i for i in _imports(path) if i in files and i != name}
        for name, path in files.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node], _ = 1, path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        state[node], _ = 2, path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_crs_has_no_import_cycle():
    assert _cycle(_graph()) is None


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_only_the_hook_imports_the_hook_facing_module():
    importers = [
        str(path.relative_to(ROOT))
        for folder in ("crs", "scripts", "docs")
        for path in (ROOT / folder).rglob("*.py")
        if HOOK_FACING in _imports(path) and _module_name(path) != HOOK_FACING
    ]
    assert importers == []
    assert HOOK_FACING in _imports(ROOT / "overrides" / "hooks" / "course.py")


def test_the_course_model_imports_no_output():
    outputs = {
        "crs.site",
        "crs.frontend",
        "crs.pages",
        "crs.pdf",
        "crs.printdoc",
        "crs.printviews",
        "crs.tutor",
        "crs.exports",
    }
    model_side = ["crs.model", "crs.course", "crs.quizzes", "crs.project", "crs.grounding"]
    graph = _graph()
    for name in model_side:
        assert not {i for i in graph[name] if i.split(".")[:2] in [o.split(".") for o in outputs]}


# A type name as a string literal outside the registry, the schema and the templates means a
# consumer branches on types again.
_REGISTRY = [ROOT / "crs" / "questiontypes", ROOT / "overrides" / "crs" / "questions"]
_JS_STRING = re.compile(r"""(["'`])([a-z-]+)\1""")
# The same words used for something else than a question type.
_NOT_A_TYPE = {
    ("crs/exports/moodle_xml.py", "single"),  # Moodle XML's <single> element
    ("overrides/crs/scorm/lms.js", "fill-in"),  # SCORM's interaction type for a 1.2 reflection
}


def _python_type_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in TYPES
    ]


def _js_type_literals(path: Path) -> list[tuple[int, str]]:
    return [
        (number, match.group(2))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in _JS_STRING.finditer(line)
        if match.group(2) in TYPES and not line.lstrip().startswith("//")
    ]


def test_question_type_names_appear_only_in_the_registry_schema_and_templates():
    python = [ROOT / "overrides" / "hooks" / "course.py"]
    for folder in ("crs", "scripts"):
        python += (ROOT / folder).rglob("*.py")
    scripts = list((ROOT / "overrides" / "crs").rglob("*.js"))
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name!r}"
        for paths, literals in ((python, _python_type_literals), (scripts, _js_type_literals))
        for path in paths
        if not any(folder in path.parents for folder in _REGISTRY)
        for line, name in literals(path)
        if (str(path.relative_to(ROOT)), name) not in _NOT_A_TYPE
    ]
    assert found == []


def test_the_type_literal_check_sees_a_ladder(tmp_path):
    ladder = tmp_path / "ladder.py"
    ladder.write_text('if question.type == "classify":\n    pass\n', encoding="utf-8")
    script = tmp_path / "ladder.js"
    script.write_text('if (key.type === "fill-in") return\n', encoding="utf-8")
    assert _python_type_literals(ladder) == [(1, "classify")]
    assert _js_type_literals(script) == [(1, "fill-in")]


@pytest.mark.parametrize(
    "path",
    [
        *sorted((ROOT / "crs").rglob("*.py")),
        *sorted((ROOT / "overrides" / "crs").rglob("*.js")),
        *sorted((ROOT / "overrides" / "crs").rglob("*.css")),
    ],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_module_is_over_300_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{lines} lines: split it by what changes together"
