"""Markup lives in Jinja templates (crs/templates/), never in Python strings."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiled templates kept between builds (in the temp folder, keyed by their source).
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(template_name: str, **context) -> str:
    return environment().get_template(template_name).render(**context)


def render_macro(template_name: str, macro: str, *args, **kwargs) -> str:
    """One macro of a template, called from Python (a component rendered alone)."""
    return getattr(environment().get_template(template_name).module, macro)(*args, **kwargs)
