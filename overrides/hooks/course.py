"""MkDocs glue for the course: each event forwards to crs.site (see there for the why)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link

from crs import (
    areas,
    bibexport,
    blocks,
    collation,
    course,
    coursedata,
    frontend,
    navcache,
    pages,
    reuse,
    shortcodes,
    site,
    stylesheets,
    tables,
    theme,
)
from crs.errors import CourseError

log = logging.getLogger("mkdocs.hooks.course")
_state: dict = {}


def _fail(error: CourseError) -> PluginError:
    return PluginError(str(error))


def on_startup(command, dirty) -> None:
    _state["command"] = command
    # scripts/serve builds dirty: pages whose inputs did not change are kept (crs/reuse.py).
    _state["reuse"] = reuse.PageReuse() if command == "serve" and dirty else None
    if _state.get("reuse"):
        site.quiet_dirty_warning()


def on_pre_build(config) -> None:
    _state.pop("assignment_url", None)
    if _state.get("reuse"):
        _state["reuse"].begin()
    try:
        _state["site"] = site.load(config)
    except CourseError as error:
        raise site.AuthoringFaults(str(error)) from None
    for warning in _state["site"].warnings:
        log.warning(warning)
    root = Path(config.config_file_path).parent
    try:
        _state["kit"] = kit = site.notebook_kit(root, _state["site"], config.site_url or "")
    except CourseError as error:
        raise _fail(error) from None
    # The tutor notebook, run by mkdocs-jupyter, reads the course from the download's folder.
    os.environ[collation.KIT_ENV] = str(kit)
    notebooks = config.plugins.get("mkdocs-jupyter")
    if notebooks:
        notebooks.config["cache_dir"] = str(site.prepare_notebook_cache(root, kit))
    # The blocks render from the model; on_page_markdown moves the context to each page.
    _state["context"] = blocks.PageContext(_state["site"])
    _state["course_globals"], _state["course_scripts"] = coursedata.course_scripts(_state["site"])
    config.mdx_configs.setdefault(site.EXTENSION, {})["context"] = _state["context"]


def on_files(files, config):
    generated = {**bibexport.files(_state["site"].references), **_state["course_scripts"]}
    for uri, text in generated.items():
        files.append(File.generated(config, uri, content=text))
    if _state.get("command") == "serve":
        root = Path(config.config_file_path).parent
        for uri, pdf in site.served_pdfs(root):
            files.append(File.generated(config, uri, abs_src_path=str(pdf)))
    return files


def on_serve(server, config, builder):
    for path in site.watched_paths(config):
        server.watch(str(path))
    server.builder = site.keep_last_pages(server.builder)
    return server


def on_nav(nav, config, files):
    if _state.get("reuse"):
        site.plan_reuse(_state["reuse"], config, files, _state["site"])
    _state["tutor_nav"] = areas.split_nav(nav, Link("Back to the course", "index.html"))
    return nav


def on_env(env, config, files):
    site.cache_templates(env, Path(config.config_file_path).parent)
    env.globals["crs_tutor_nav"] = _state["tutor_nav"]
    try:
        navcache.render_nav_once(env)
    except theme.ThemeChanged as error:
        raise PluginError(str(error)) from None
    env.globals.update(_state["course_globals"])
    _state["files"] = files
    try:
        _state["first_styles"] = frontend.first_styles(Path(config.config_file_path).parent)
    except CourseError as error:
        raise _fail(error) from None
    return env


def on_page_markdown(markdown, page, config, files):
    _state["context"].page_url = page.file.url
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    first_line = course.body_start_line(source)
    try:
        page.meta["crs_bundle"] = shortcodes.page_bundle(
            markdown, page.meta, page.file.src_uri, first_line
        )
        if page.meta["crs_bundle"] == "assignment":
            _state["assignment_url"] = page.file.url
        text, _state["held"] = site.fill_page(
            _state.get("reuse"), markdown, page, _state["site"], first_line
        )
        return text
    except CourseError as error:
        raise _fail(error) from None


def on_page_content(html, page, config, files):
    html = pages.put_back(html, _state.pop("held", {}))
    bundle = page.meta.get("crs_bundle")
    page.meta["crs_parts"] = frontend.page_parts(html, bundle)
    page.meta["crs_assets"] = frontend.combination(page.meta["crs_parts"], bundle)
    return tables.scrollable_tables(html)


def on_post_page(output, page, config):
    if page is not None and _state.get("reuse"):
        _state["reuse"].written(page)
    try:
        output = theme.label_search_dialog(output)
        output = frontend.with_first_styles(output, _state["first_styles"])
        if _state["tutor_nav"].homepage:  # the SCORM package's site has no tutor area
            output = theme.add_to_copyright(output, areas.area_link(page, config.site_url or ""))
        return output
    except theme.ThemeChanged as error:
        raise PluginError(str(error)) from None


def on_post_template(output_content, template_name, config):
    """Theme pages without a Markdown source, such as 404.html."""
    return on_post_page(output_content, None, config)


def on_post_build(config) -> None:
    areas.split_search_index(Path(config.site_dir))
    areas.tutor_sitemap(Path(config.site_dir), config.site_url or "")
    try:
        site.write_favicon_ico(Path(config.site_dir))
        pages_built = [f.page for f in _state["files"].documentation_pages() if f.page]
        frontend.bundle_scripts(
            Path(config.config_file_path).parent,
            Path(config.site_dir),
            frontend.combinations(pages_built),
        )
        if "assignment_url" in _state:
            site.write_assignment_parts(
                Path(config.site_dir), _state["site"], _state["assignment_url"]
            )
        stylesheets.slim_theme_sheets(
            Path(config.config_file_path).parent, Path(config.site_dir), config.theme.dirs
        )
    except CourseError as error:
        raise _fail(error) from None
    collation.zip_kit(_state["kit"], Path(config.site_dir) / "downloads" / collation.ZIP_NAME)
    if _state.get("reuse"):
        _state["reuse"].end(succeeded=True)


def on_build_error(error) -> None:
    if _state.get("reuse"):
        _state["reuse"].end(succeeded=False)
