"""Where a page uses the course's blocks (`/// name | argument` ... `///`): each use with its
line, options and body, found outside code fences, so the model can check ids before any page
is converted. An unknown block name or an unclosed block is an error at its line."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from crs.errors import CourseError
from crs.mdtext import unfenced_lines

_BLOCK_START = re.compile(r"^[ ]{0,3}(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
_BLOCK_END = re.compile(r"^[ ]{0,3}(/{3,})[ ]*$")


@dataclass(frozen=True)
class BlockUse:
    name: str
    argument: str
    options: dict
    body: str
    line: int


def scan_blocks(text: str, src: str, known: set[str], first_line: int = 1) -> list[BlockUse]:
    """Every `/// name | argument` block outside code fences, with its line and body.

    An unknown name would otherwise reach the learner as literal slashes, so it is an error.
    """
    lines = text.split("\n")
    found: list[BlockUse] = []
    stack: list[tuple[int, str, str, int, int]] = []  # (slashes, name, arg, line index, body start)
    for index, line in unfenced_lines(lines):
        line_no = first_line + index
        end = _BLOCK_END.match(line)
        if end and stack and stack[-1][0] == len(end.group(1)):
            slashes, name, arg, start, body_start = stack.pop()
            options, body = _split_options("\n".join(lines[body_start:index]), src, start + 1)
            found.append(BlockUse(name, arg, options, body, first_line + start))
            continue
        start = _BLOCK_START.match(line)
        if start:
            name = start.group(2).lower()
            if name not in known:
                raise CourseError(
                    src,
                    line_no,
                    f"unknown block '/// {name}'; known blocks: {', '.join(sorted(known))}",
                )
            stack.append(
                (len(start.group(1)), name, (start.group(3) or "").strip(), index, index + 1)
            )
    if stack:
        _, name, _, start, _ = stack[-1]
        raise CourseError(src, first_line + start, f"block '/// {name}' is never closed by '///'")
    return sorted(found, key=lambda use: use.line)


def _split_options(body: str, src: str, line: int) -> tuple[dict, str]:
    """pymdownx.blocks options: indented YAML lines right after the header."""
    lines = body.split("\n")
    count = 0
    while count < len(lines) and lines[count].startswith("    ") and lines[count].strip():
        count += 1
    if not count:
        return {}, body.strip()
    try:
        options = yaml.safe_load("\n".join(item[4:] for item in lines[:count])) or {}
    except yaml.YAMLError as error:
        raise CourseError(src, line, f"block options are not valid YAML: {error}") from None
    if not isinstance(options, dict):
        raise CourseError(src, line, "block options must be 'key: value' lines")
    return options, "\n".join(lines[count:]).strip()
