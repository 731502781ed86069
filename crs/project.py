"""A course project as the course model sees it: its folders, nav order and Markdown pipeline,
read from mkdocs.yml as data (no MkDocs events, no plugins loaded), so the PDF, the exports, the
tutor tools and the build all start from the same description.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pathspec
import yaml

from crs.errors import CourseError

BLOCKS_EXTENSION = "crs.blocks"
INCLUDE_EXTENSION = "markdown_include.include"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags: `!ENV [NAME, default]` is read; other tags (Python names used by
    some extensions) become None, since the model never needs their values."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else None
    names = names or [loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[k] for k in keys if k in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    root: Path
    docs: Path
    quizzes: Path
    data: Path
    pages: tuple[str, ...]  # docs-relative .md paths in nav order
    extensions: tuple[Any, ...]  # mkdocs.yml markdown_extensions, names or instances
    extension_configs: dict[str, dict] = field(default_factory=dict, compare=False)
    strict: bool = False
    title: str = ""  # mkdocs.yml site_name
    description: str = ""  # mkdocs.yml site_description
    # mkdocs.yml `extra`: course settings that are not MkDocs' own (e.g. an LMS pass mark)
    extra: dict = field(default_factory=dict, compare=False)
    config_name: str = "mkdocs.yml"  # the config file in root (mkdocs -f may name another)
    # mkdocs.yml's exclude_docs and not_in_nav, as pathspec specs (None: not set)
    exclude_docs: Any = field(default=None, compare=False)
    not_in_nav: Any = field(default=None, compare=False)


def nav_sources(nav: Any) -> list[str]:
    """Docs-relative .md paths in nav order (nav entries may be strings, dicts or lists)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [src for value in nav.values() for src in nav_sources(value)]
    if isinstance(nav, list):
        return [src for item in nav for src in nav_sources(item)]
    return []


def split_extensions(entries: list) -> tuple[tuple[str, ...], dict[str, dict]]:
    """mkdocs.yml's markdown_extensions list as (names, configs), as MkDocs reads it."""
    names, configs = [], {}
    for entry in entries or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = dict(options)
    return tuple(names), configs


def project_from(
    root: Path,
    docs: Path,
    nav: Any,
    extensions,
    configs: dict,
    strict: bool,
    title: str = "",
    description: str = "",
    extra: dict | None = None,
    config_name: str = "mkdocs.yml",
    exclude_docs: Any = None,
    not_in_nav: Any = None,
) -> Project:
    """A Project from already-read settings (mkdocs.yml's, or the loaded MkDocs config's). The
    blocks' folders are made absolute, so the model works from any working directory."""
    root = Path(root).resolve()
    options = dict(configs.get(BLOCKS_EXTENSION, {}))
    quizzes = (root / options.get("quizzes_dir", "quizzes")).resolve()
    data = (root / options.get("data_dir", "docs/_data")).resolve()
    configs = {
        **configs,
        BLOCKS_EXTENSION: {**options, "quizzes_dir": str(quizzes), "data_dir": str(data)},
    }
    return Project(
        root=root,
        docs=Path(docs).resolve(),
        quizzes=quizzes,
        data=data,
        pages=tuple(nav_sources(nav)),
        extensions=tuple(extensions),
        extension_configs=configs,
        strict=bool(strict),
        title=title or "",
        description=description or "",
        extra=dict(extra or {}),
        config_name=config_name,
        exclude_docs=exclude_docs,
        not_in_nav=not_in_nav,
    )


def read_project(root: Path) -> Project:
    """The project whose mkdocs.yml is in `root`."""
    path = Path(root) / "mkdocs.yml"
    try:
        settings = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except OSError as exc:
        raise CourseError(str(path), None, f"expected the project's mkdocs.yml: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CourseError(str(path), mark.line + 1 if mark else None, str(exc)) from exc
    names, configs = split_extensions(settings.get("markdown_extensions", []))
    docs = Path(root) / settings.get("docs_dir", "docs")
    return project_from(
        root,
        docs,
        settings.get("nav"),
        names,
        configs,
        settings.get("strict"),
        settings.get("site_name", ""),
        settings.get("site_description", ""),
        settings.get("extra"),
        exclude_docs=_spec(settings.get("exclude_docs")),
        not_in_nav=_spec(settings.get("not_in_nav")),
    )


def _spec(value: Any) -> pathspec.GitIgnoreSpec | None:
    """A gitignore-style setting (text of lines, or a list) as MkDocs reads it."""
    if not value:
        return None
    lines = value.split("\n") if isinstance(value, str) else list(value)
    return pathspec.GitIgnoreSpec.from_lines(lines)
