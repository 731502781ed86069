"""YAML data files read with their line numbers, so every error names the line an author edits.

Data keeps the text the author typed ('true' as a key, not True), a key written twice is an
error, and a schema error's data path maps back to its node (node_at, key_line).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from crs import yamlnodes
from crs.errors import CourseError, display_path  # noqa: F401 (its users import it here)


def compose_file(path: Path, label: str) -> yaml.Node | None:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CourseError(label, None, f"cannot read the file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise CourseError(label, None, "expected UTF-8 text, found other bytes") from exc
    try:
        return yamlnodes.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        context_mark = getattr(exc, "context_mark", None)
        detail = f"{problem} ({context})" if context else problem
        if context_mark and "end of stream" in problem:
            # An unclosed quote or bracket: the author must edit where it opened.
            line = context_mark.line + 1
            detail = f"{problem} ({context} that starts here)"
        raise CourseError(
            label, line, f"expected valid YAML, found a syntax error: {detail}"
        ) from exc


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def plain(node: yaml.Node, label: str) -> Any:
    """Python data of a node. Keys stay the text the author typed ('true', not True), and a key
    written twice is an error, since YAML would silently keep only the last one."""
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in result:
                raise CourseError(
                    label, line_of(key_node), f"expected each key once, found '{key}' twice"
                )
            result[key] = plain(value_node, label)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [plain(item, label) for item in node.value]
    return yamlnodes.value_of(node)


def node_at(root: yaml.Node, path: Iterable[str | int]) -> yaml.Node:
    """The deepest node along a data path (the value node for mapping keys)."""
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                return node
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node


def key_line(root: yaml.Node, path: list, key: str) -> int:
    node = node_at(root, path)
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == key:
                return line_of(key_node)
    return line_of(node)


def lines_of(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{prefix}{key_node.value}"
            lines[name] = line_of(key_node)
            lines.update(lines_of(value_node, name + "."))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[f"{prefix}{index}"] = line_of(item)
            lines.update(lines_of(item, f"{prefix}{index}."))
    return lines
