"""Build-time and page-weight figures for the course site, printed as JSON and a Markdown table.

- strict build of this site vs a plain Material build of the same Markdown with our blocks,
  hook and extension stripped (median of --runs builds each);
- bytes per page (raw and gzip): HTML, our JS/CSS, the theme's JS/CSS;
- both PDFs (learner + tutor, scripts/pdf) against the strict site build;
- a synthetic course of N copies of the lesson pages (1, 10, 40, 100 modules), with the marginal
  seconds per added module at each step, which must not grow, and the plain Material build of
  the same synthetic Markdown beside it (Material's own cost per module grows too: every page
  carries the whole navigation); each after one untimed first build (its time reported too),
  as are the strict build and its plain baseline;
- scripts/check (the course load alone, run on every save): the whole command in a fresh
  process, and the load inside it.
- the SCORM 1.2 package: its size and the worst-case cmi.suspend_data (every question answered,
  crs/exports/suspendbudget.py) against the 4,096 characters SCORM 1.2 allows.
- the authoring loop under `mkdocs serve` on the real module and at 40 modules
  (scripts/benchmark_loop.py);
- --profile: where the strict build's time goes, ours against theirs (scripts/buildprofile.py).

Targets (checked here, never in timed tests): our overhead <= 1.25x the plain build, our added
JS+CSS <= 8 KB gzipped per page, PDFs <= 3x the site build, seconds per added module not
growing with N, the course load of scripts/check <= 1 s.

Class summary figures (page with 500 files, notebook code with 5,000) come from
scripts/benchmark_summary.py; --summary-only measures just those.

Our modules are compiled to bytecode before timing, as pip compiles Material's when it installs
it: an editable checkout is not, and where PYTHONDONTWRITEBYTECODE is set (as on the benchmark
machine) Python would compile them again on every build.

Usage: scripts/benchmark [--runs 5] [--sizes 1,10,40,100] [--profile] [--readme] [--summary-only]
       [--only build] [--only scaling]
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchmark_lighthouse
import benchmark_loop
import benchmark_summary
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from crs.exports import suspendbudget
from crs.exports.formats import export

ROOT = Path(__file__).resolve().parent.parent
# Every file of ours a page names, vendored ones included: in src/href attributes, and the
# iframe-worker shim in the script that writes it in on file:// (overrides/main.html).
# The assignment page's lesson parts (assets/crs/assignment/) are its prompts and quizzes, loaded
# only for the lessons a link names: html_weights counts the largest with the page's HTML.
OUR_ASSET = re.compile(r'"([^"\s]*assets/(?:crs/(?!assignment/)|vendor/)[^"\s]+\.(?:js|css))"')
# Our styles written into the page's head (overrides/crs/first.css): counted as ours too.
OUR_STYLE = re.compile(r"<style data-crs>(.*?)</style>", re.S)
THEME_ASSET = re.compile(r'(?:src|href)="([^"]*assets/(?:javascripts/bundle|stylesheets/)[^"]*)"')
TARGET_OVERHEAD = 1.25
TARGET_OUR_GZIP = 8 * 1024
TARGET_PDF = 3.0  # both PDFs (scripts/pdf) <= 3x the strict site build
TARGET_CHECK = 1.0  # seconds for the course load that scripts/check runs
TARGET_SEARCH_GZIP = 40 * 1024  # the learner search index, learner pages only
# Seconds per added module may wobble this much (machine noise) and still count as not growing.
MARGINAL_SLACK = 1.15


def copy_project(target: Path) -> Path:
    for name in ("docs", "overrides", "quizzes", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    compile_python(target / "overrides" / "hooks")
    return target


def compile_python(folder: Path) -> None:
    """Bytecode for our modules, as installed packages have (see the module's docstring)."""
    if not compileall.compile_dir(folder, quiet=1):
        raise SystemExit(f"could not compile the Python modules in {folder}")


def build(project: Path, out: Path, strict: bool = True) -> float:
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(out),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(
        [*command, *(["--strict"] if strict else [])],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stderr}")
    return elapsed


def build_pdfs(project: Path, out: Path) -> tuple[float, dict]:
    """Seconds for the learner and tutor PDFs, run as scripts/pdf runs them, and where they went:
    crs.pdf's own phases (--timings), start-up (interpreter and imports) being the rest."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    timings_file = out.parent / "pdf-timings.json"
    command = [sys.executable, "-m", "crs.pdf", "-f", str(project / "mkdocs.yml")]
    started = time.perf_counter()
    result = subprocess.run(
        [*command, "--out", str(out), "--timings", str(timings_file)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"PDF build of {project} failed:\n{result.stderr}")
    phases = json.loads(timings_file.read_text(encoding="utf-8"))
    return elapsed, {"startup_s": elapsed - phases["total_s"], **phases}


def run_check(project: Path) -> tuple[float, float]:
    """(seconds for the whole scripts/check command, seconds of the load it reports)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "crs.check", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"scripts/check of {project} failed:\n{result.stderr}")
    return elapsed, float(re.search(r"checked in ([\d.]+) s", result.stdout).group(1))


def build_ratio(site: Path, plain: Path, runs: int) -> dict:
    """Median seconds of the strict site build and of the plain build, taken in turn so that
    both meet the same load on the machine, each after one untimed first build, whose seconds
    are reported too. The site's first build has cold caches (the tutor notebook runs, the
    course is loaded and checked), so among the timed runs it would make the site's median the
    slower of its other two, against a middle run of the plain build."""
    times: dict[str, list[float]] = {"site": [], "plain": []}
    with tempfile.TemporaryDirectory() as out:
        site_first_s = build(site, Path(out) / "site")
        plain_first_s = build(plain, Path(out) / "plain", strict=False)
        for _ in range(runs):
            times["site"].append(build(site, Path(out) / "site"))
            times["plain"].append(build(plain, Path(out) / "plain", strict=False))
    site_s, plain_s = (statistics.median(times[name]) for name in ("site", "plain"))
    return {
        "runs": runs,
        "site_s": site_s,
        "plain_s": plain_s,
        "ratio": site_s / plain_s,
        "site_first_s": site_first_s,
        "plain_first_s": plain_first_s,
    }


def build_rows(b: dict) -> list[str]:
    return [
        f"| strict build, this site (median of {b['runs']}; first build) "
        f"| {b['site_s']:.2f} s ({b['site_first_s']:.2f} s) | |",
        f"| plain Material build, same Markdown (first build) "
        f"| {b['plain_s']:.2f} s ({b['plain_first_s']:.2f} s) | |",
        f"| overhead ratio | {b['ratio']:.2f}x | <= {TARGET_OVERHEAD}x |",
    ]


def load_config(project: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (its !ENV tags resolved), to edit and save as plain YAML."""
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())


def save_config(project: Path, config: dict) -> None:
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def make_plain(project: Path) -> None:
    """Same Markdown and theme without our hook, extension, templates and assets (blocks stay as
    text): plain Material, so neither our vendored search shim nor the offline plugin (which would
    put a CDN URL in its place)."""
    config = load_config(project)
    config.pop("hooks", None)
    config["extra_css"] = []
    config["extra"].pop("polyfills", None)
    config["plugins"] = [p for p in config["plugins"] if p != "offline"]
    config["markdown_extensions"] = [
        e
        for e in config["markdown_extensions"]
        if not (isinstance(e, dict) and "crs.blocks" in e) and e != "crs.blocks"
    ]
    # The notebook runs the course package, which needs our extension: convert it unexecuted
    # (the site build's execution is cached after its first run, so medians compare alike).
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "mkdocs-jupyter" in plugin:
            plugin["mkdocs-jupyter"]["execute"] = False
    shutil.rmtree(project / "overrides")
    config["theme"].pop("custom_dir", None)
    save_config(project, config)


def lesson_sources(project: Path) -> list[str]:
    lessons = load_config(project)["nav"]
    for entry in lessons:
        if isinstance(entry, dict) and "Lessons" in entry:
            return entry["Lessons"]
    raise SystemExit("mkdocs.yml has no 'Lessons' section in nav")


def make_synthetic(project: Path, copies: int) -> None:
    """Add copies-1 more modules: each a folder of the lesson pages with their ids made unique."""
    config = load_config(project)
    lessons = lesson_sources(project)
    for number in range(2, copies + 1):
        folder = project / "docs" / f"module-{number}"
        folder.mkdir()
        for src in lessons:
            text = (project / "docs" / src).read_text(encoding="utf-8")
            text = re.sub(
                r"^(/{3,}\s*reflection\s*\|\s*)([\w-]+)", rf"\g<1>\g<2>-m{number}", text, flags=re.M
            )
            text = re.sub(r"\]\((?!https?:|#)([^)]+)\)", r"](../\1)", text)
            # A quiz is placed once in a course: each module gets its own copy of its quizzes.
            text = re.sub(
                r"^(/{3,}\s*quiz\s*\|\s*)([\w-]+)", rf"\g<1>\g<2>-m{number}", text, flags=re.M
            )
            (folder / src).write_text(text, encoding="utf-8")
        copy_quizzes(project, number)
        config["nav"].append({f"Module {number}": [f"module-{number}/{src}" for src in lessons]})
    save_config(project, config)


def copy_quizzes(project: Path, number: int) -> None:
    """quizzes/<id>-m<number>.yml for module <number>: quiz and question ids made unique, answer
    keys pointing at the module's own copy of each page."""
    for quiz in sorted((project / "quizzes").glob("*.yml")):
        if re.search(r"-m\d+$", quiz.stem):
            continue
        text = quiz.read_text(encoding="utf-8")
        text = re.sub(r"^(id|  - id): ([\w-]+)", rf"\1: \2-m{number}", text, flags=re.M)
        text = re.sub(r"^(\s+page: )", rf"\1module-{number}/", text, flags=re.M)
        (quiz.parent / f"{quiz.stem}-m{number}.yml").write_text(text, encoding="utf-8")


def scaling_builds(tmp: Path, sizes: list[int], runs: int) -> dict[str, dict]:
    """The synthetic course and its plain build at each size: seconds of the first build of
    each (cold caches: the tutor notebook runs, the course is loaded and checked), then the
    median of `runs` builds of each, taken in turn."""
    found = {}
    for size in sizes:
        projects = {"site": copy_project(tmp / f"n{size}"), "plain": copy_project(tmp / f"p{size}")}
        for project in projects.values():
            make_synthetic(project, size)
        make_plain(projects["plain"])
        first: dict[str, float] = {}
        times: dict[str, list[float]] = {name: [] for name in projects}
        with tempfile.TemporaryDirectory() as out:
            for name, project in projects.items():
                first[name] = build(project, Path(out), strict=False)
            for _ in range(runs):
                for name, project in projects.items():
                    times[name].append(build(project, Path(out), strict=False))
        found[str(size)] = {
            **{f"{name}_s": statistics.median(times[name]) for name in projects},
            **{f"{name}_first_s": first[name] for name in projects},
        }
    return found


def scaling_marginal(scaling: dict[str, dict]) -> list[dict]:
    """Seconds per added module at each step, of the site and of its plain build."""
    ours = marginal({n: row["site_s"] for n, row in scaling.items()})
    plain = marginal({n: row["plain_s"] for n, row in scaling.items()})
    return [
        {**step, "plain_per_module_s": p["per_module_s"]}
        for step, p in zip(ours, plain, strict=True)
    ]


def scaling_rows(scaling: dict[str, dict], steps: list[dict]) -> list[str]:
    rows = [
        f"| synthetic course, {size} module(s) (plain Material; first build) "
        f"| {row['site_s']:.2f} s ({row['plain_s']:.2f} s; {row['site_first_s']:.2f} s) | |"
        for size, row in scaling.items()
    ]
    rows += [
        f"| synthetic course, seconds per added module, {step['step']} (plain Material) "
        f"| {step['per_module_s']:.3f} s ({step['plain_per_module_s']:.3f} s) | not growing |"
        for step in steps
    ]
    return rows


def marginal(scaling: dict[str, float]) -> list[dict]:
    """Seconds per added module between each pair of neighbouring sizes."""
    sizes = sorted((int(n), seconds) for n, seconds in scaling.items())
    return [
        {"step": f"{a}->{b}", "per_module_s": (tb - ta) / (b - a)}
        for (a, ta), (b, tb) in itertools.pairwise(sizes)
    ]


def not_growing(steps: list[dict]) -> bool:
    per_module = [step["per_module_s"] for step in steps]
    return all(
        later <= earlier * MARGINAL_SLACK for earlier, later in itertools.pairwise(per_module)
    )


def build_profile(project: Path, out: Path) -> dict:
    """scripts/buildprofile.py on a strict build of `project`, in a fresh process."""
    report = out.with_suffix(".json")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "buildprofile.py"), project, out, report],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"profiled build of {project} failed:\n{result.stderr}")
    return json.loads(report.read_text(encoding="utf-8"))


def profile_rows(profile: dict) -> list[str]:
    """The profile's top costs as table rows: ours by entry point, theirs by package."""
    rows = [
        f"| profile: strict build, sampled | {profile['seconds']:.2f} s: ours "
        f"{profile['ours_s']:.2f} s, theirs {profile['theirs_s']:.2f} s | |"
    ]
    rows += [
        f"| profile, ours: `{name}` | {s:.2f} s | |" for name, s in profile["ours_entries"][:6]
    ]
    rows += [
        f"| profile, theirs: {name} | {s:.2f} s | |" for name, s in profile["theirs_by_package"][:6]
    ]
    return rows


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def loaded(site: Path, page: Path, html: bytes, pattern: re.Pattern) -> list[bytes]:
    """The bytes of every asset a page links that matches pattern (404.html links from root)."""
    urls = sorted(set(pattern.findall(html.decode("utf-8"))))
    return [
        (site / url.lstrip("/") if url.startswith("/") else page.parent / url).read_bytes()
        for url in urls
    ]


def page_weights(site: Path) -> dict:
    """Per learner page (tutor pages live in tutor/): HTML, and the JS/CSS it loads, ours and the
    theme's, raw and gzipped."""
    rows = {}
    for page in sorted(site.glob("*.html")):
        html = page.read_bytes()
        ours, theme_bytes = (
            loaded(site, page, html, OUR_ASSET)
            + [s.encode("utf-8") for s in OUR_STYLE.findall(html.decode("utf-8"))],
            loaded(site, page, html, THEME_ASSET),
        )
        rows[page.name] = {
            "html": len(html),
            "html_gz": gz(html),
            "ours": sum(map(len, ours)),
            "ours_gz": sum(map(gz, ours)),
            "theme": sum(map(len, theme_bytes)),
            "theme_gz": sum(map(gz, theme_bytes)),
        }
    return rows


def search_indexes(site: Path) -> dict:
    """Bytes of the learner and tutor search indexes, and any tutor page the learner one holds."""
    learner = site / "search" / "search_index.json"
    tutor = site / "tutor" / "search" / "search_index.json"
    docs = json.loads(learner.read_text(encoding="utf-8"))["docs"]
    return {
        "learner": len(learner.read_bytes()),
        "learner_gz": gz(learner.read_bytes()),
        "tutor_gz": gz(tutor.read_bytes()),
        "tutor_pages_in_learner": sorted(
            {d["location"].split("#")[0] for d in docs}
            & {p.relative_to(site).as_posix() for p in (site / "tutor").rglob("*.html")}
        ),
    }


# Lesson HTML and what our pages add to Material's (issue 14, targets 3 and 4), from built HTML.
# The answer key and feedback: everything a quiz carries for grading (crs/templates/quiz.html).
QUIZ_KEY = re.compile(r" data-crs-quiz-key='[^']*'")
TARGET_KEY_SHARE = 0.25  # key and feedback add <= 25% to a lesson page's gzipped HTML
TARGET_CHROME = 1024  # a page without quiz or prompt: <= 1 KB gzipped beyond the plain page
# The page outside its text: the sidebars (the plain build's navigation also lists the tutor
# pages, which ours keeps out; the table of contents follows the text) and the article are
# left out, but our scripts inside the article (the course detail's) are kept.
SIDEBARS = re.compile(
    r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-content")', re.S
)
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
OURS_IN_ARTICLE = re.compile(r"<script\b[^>]*>.*?</script>", re.S)


def chrome(html: str) -> bytes:
    """A page without its text: what a page adds whatever it says (see SIDEBARS)."""

    def ours_only(article: re.Match) -> str:
        return "<article>" + "".join(OURS_IN_ARTICLE.findall(article.group(0))) + "</article>"

    return ARTICLE.sub(ours_only, SIDEBARS.sub("", html)).encode("utf-8")


def html_weights(site: Path, plain: Path) -> dict:
    """Per learner page with a quiz: the share its answer key and feedback add to its gzipped
    HTML (gz(page) against gz(page without them)). Per page with neither quiz nor prompt: its
    gzipped chrome (chrome()) minus the plain Material page's, so content our hook generates
    (glossary, references, lesson lists) counts as text, not weight. And the assignment page
    with the largest lesson part it loads against the heaviest lesson: it should weigh like
    one."""
    lessons, plain_pages = {}, {}
    for page in sorted(site.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "data-crs-quiz=" in html:
            whole, without = gz(html.encode()), gz(QUIZ_KEY.sub("", html).encode())
            lessons[page.name] = {"gz": whole, "share": whole / without - 1}
        elif "data-crs-reflection=" in html or page.name == "assignment.html":
            continue  # prompts; the assignment page has its own row
        elif (plain / page.name).exists():
            theirs = (plain / page.name).read_text(encoding="utf-8")
            plain_pages[page.name] = gz(chrome(html)) - gz(chrome(theirs))
    # The assignment page with the part of the one lesson a link draws on (the largest part).
    parts = [gz(part.read_bytes()) for part in (site / "assets/crs/assignment").glob("*.js")]
    assignment = gz((site / "assignment.html").read_bytes()) + max(parts)
    return {"lessons": lessons, "plain_pages": plain_pages, "assignment_gz": assignment}


def html_rows(weights: dict) -> list[str]:
    rows = [
        f"| answer key and feedback, {name} | +{row['share']:.1%} of {row['gz']:,} B gzip "
        f"| <= {TARGET_KEY_SHARE:.0%} |"
        for name, row in weights["lessons"].items()
    ]
    rows += [
        f"| added to the plain page, {name} (no quiz or prompt; outside the text) "
        f"| {added:,} B gzip | <= {TARGET_CHROME:,} B |"
        for name, added in weights["plain_pages"].items()
    ]
    heaviest = max(row["gz"] for row in weights["lessons"].values())
    rows.append(
        f"| assignment page HTML with one lesson's part (the largest) "
        f"| {weights['assignment_gz']:,} B gzip | <= heaviest lesson, {heaviest:,} B |"
    )
    return rows


def markdown_table(report: dict) -> str:
    b = report["build"]
    w = report["weight_max"]
    lines = [
        "| measure | value | target |",
        "| --- | --- | --- |",
        *build_rows(b),
        f"| both PDFs, learner + tutor (median of {b['pdf_runs']}) | {b['pdf_s']:.2f} s | |",
        f"| PDF build / site build (median; slowest run) | {b['pdf_ratio']:.2f}x; "
        f"{b['pdf_max_ratio']:.2f}x | <= {TARGET_PDF}x every run |",
        f"| slowest PDF run: {pdf_phases(b['pdf_breakdown'])} | {b['pdf_max_s']:.2f} s | |",
        f"| scripts/check: course load (median of {b['runs']}) | {b['check_load_s']:.2f} s "
        f"| <= {TARGET_CHECK:.0f} s |",
        f"| scripts/check: whole command, fresh process | {b['check_s']:.2f} s | |",
        f"| largest page HTML | {w['html']:,} B ({w['html_gz']:,} B gzip) | |",
        f"| our JS+CSS per page | {w['ours']:,} B ({w['ours_gz']:,} B gzip) "
        f"| <= {TARGET_OUR_GZIP // 1024} KB gzip |",
        f"| theme JS+CSS per page | {w['theme']:,} B ({w['theme_gz']:,} B gzip) | |",
    ]
    lines += scaling_rows(report["scaling"], report["scaling_marginal"])
    lines += benchmark_loop.rows(report["authoring_loop"])
    if report.get("profile"):
        lines += profile_rows(report["profile"])
    s = report["search"]
    lines.append(
        f"| learner search index (learner pages only; tutor index {s['tutor_gz']:,} B gzip) | "
        f"{s['learner']:,} B ({s['learner_gz']:,} B gzip) | <= 40 KB gzip |"
    )
    if report["lighthouse"]:
        lines += benchmark_lighthouse.rows(report["lighthouse"])
    lines += html_rows(report["html"])
    sc = report["scorm12"]
    lines += [
        f"| SCORM 1.2 package | {sc['zip_bytes'] / 1024 / 1024:.1f} MB | |",
        f"| SCORM 1.2 suspend data, worst case ({sc['questions']} questions answered, no "
        f"reflection) | {sc['length']:,} chars ({sc['room']:,} left for reflections) "
        f"| <= {sc['limit']:,} |",
    ]
    missed = [name for name, met in report["targets_met"].items() if not met]
    lines.append(
        f"| targets met | {len(report['targets_met']) - len(missed)} of "
        f"{len(report['targets_met'])}; missed: {', '.join(missed) or 'none'} | all |"
    )
    return "\n".join(lines + benchmark_summary.rows(report["class_summary"]))


def pdf_phases(run: dict) -> str:
    """Where one PDF run's seconds went, the tutor edition (the longer one) first."""
    parts = [f"start-up {run['startup_s']:.2f}", f"course load {run['load_s']:.2f}"]
    for name, edition in sorted(run["editions"].items(), key=lambda item: -item[1]["pages"]):
        parts.append(
            f"{name} ({edition['pages']} pages) HTML {edition['html_s']:.2f} + layout "
            f"{edition['layout_s']:.2f} + write {edition['write_s']:.2f}"
        )
    return "; ".join(parts) + " s"


def update_readme(table: str, only_summary: bool = False) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if only_summary:  # keep the other rows, replace (or add) the class summary ones
        block = re.search(r"<!-- benchmark:start -->\n(.*?)\n<!-- benchmark:end -->", text, re.S)
        kept = [line for line in block.group(1).split("\n") if not line.startswith("| class summ")]
        table = "\n".join(kept + table.split("\n"))
    text = re.sub(
        r"(<!-- benchmark:start -->\n).*?(\n<!-- benchmark:end -->)",
        lambda m: m.group(1) + table + m.group(2),
        text,
        flags=re.S,
    )
    readme.write_text(text, encoding="utf-8")


def measure_only(parts: set[str], args: argparse.Namespace, sizes: list[int]) -> None:
    """Print the figures of just these parts (main's, measured the same way)."""
    report: dict = {}
    runs = args.runs
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if parts & {"build", "lighthouse"}:
            site = copy_project(tmp / "site")
            plain = copy_project(tmp / "plain")
            make_plain(plain)
        if "build" in parts:
            report["build"] = build_ratio(site, plain, runs)
        if "lighthouse" in parts:
            build(site, tmp / "out")
            build(plain, tmp / "plain-out", strict=False)
            report["lighthouse"] = benchmark_lighthouse.measure(
                tmp / "out", tmp / "plain-out", args.lighthouse_runs, lighthouse_pages(args)
            )
        if "scaling" in parts:
            report["scaling"] = scaling_builds(tmp, sizes, runs)
            report["scaling_marginal"] = scaling_marginal(report["scaling"])
    print(json.dumps(report, indent=2))
    rows = build_rows(report["build"]) if "build" in report else []
    if "lighthouse" in report:
        rows += benchmark_lighthouse.rows(report["lighthouse"])
    if "scaling" in report:
        rows += scaling_rows(report["scaling"], report["scaling_marginal"])
    print("\n".join(["", "| measure | value | target |", "| --- | --- | --- |", *rows]))


def lighthouse_pages(args: argparse.Namespace) -> list[str] | None:
    """The pages named by --lighthouse-pages, or None for every learner page."""
    return args.lighthouse_pages.split(",") if args.lighthouse_pages else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,10,40,100")
    parser.add_argument("--profile", action="store_true", help="top costs of the strict build")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    parser.add_argument("--summary-only", action="store_true", help="class summary figures only")
    parser.add_argument("--page-files", type=int, default=500)
    parser.add_argument("--notebook-files", type=int, default=5000)
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page and site (0: none)"
    )
    parser.add_argument(
        "--lighthouse-pages", help="comma-separated pages (default: every learner page)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=("build", "scaling", "lighthouse"),
        help="measure just this part (repeatable; the README is left alone): build, the strict "
        "build against the plain one; scaling, the synthetic course against its plain build; "
        "lighthouse, the learner pages against the plain ones (--lighthouse-runs, -pages)",
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    compile_python(ROOT / "crs")
    if args.only:
        measure_only(set(args.only), args, sizes)
        return
    if args.summary_only:
        with tempfile.TemporaryDirectory() as tmp:
            build(copy_project(Path(tmp) / "site"), Path(tmp) / "out")
            report = benchmark_summary.measure(
                Path(tmp) / "out", args.page_files, args.notebook_files
            )
        print(json.dumps(report, indent=2))
        table = "\n".join(benchmark_summary.rows(report))
        print(table)
        if args.readme:
            update_readme(table, only_summary=True)
        return

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = copy_project(tmp / "site")
        plain = copy_project(tmp / "plain")
        make_plain(plain)
        ratio = build_ratio(site, plain, args.runs)
        site_s = ratio["site_s"]
        build(site, tmp / "out")
        # "Every run": the slowest PDF run is held to the target too, with its breakdown.
        pdf_runs = [build_pdfs(site, tmp / "pdf") for _ in range(args.runs)]
        pdf_s = statistics.median(seconds for seconds, _ in pdf_runs)
        pdf_max_s, pdf_breakdown = max(pdf_runs, key=lambda run: run[0])
        weights = page_weights(tmp / "out")
        build(plain, tmp / "plain-out", strict=False)
        html = html_weights(tmp / "out", tmp / "plain-out")
        search = search_indexes(tmp / "out")
        lighthouse = {}
        if args.lighthouse_runs:
            lighthouse = benchmark_lighthouse.measure(
                tmp / "out", tmp / "plain-out", args.lighthouse_runs, lighthouse_pages(args)
            )
        checks = [run_check(site) for _ in range(args.runs)]
        check_s = statistics.median(c[0] for c in checks)
        load_s = statistics.median(c[1] for c in checks)
        summary = benchmark_summary.measure(tmp / "out", args.page_files, args.notebook_files)
        scaling = scaling_builds(tmp, sizes, args.runs)
        profile = build_profile(site, tmp / "profiled") if args.profile else None
        loop = benchmark_loop.measure_sizes([1, 40], saves=max(3, args.runs))
        [package] = export(ROOT, ["scorm12"], tmp / "dist")
        scorm12 = {"zip_bytes": package.stat().st_size, **suspendbudget.worst_case(package)}

    weight_max = {
        key: max(row[key] for row in weights.values()) for key in next(iter(weights.values()))
    }
    report = {
        "build": {
            **ratio,
            "pdf_runs": len(pdf_runs),
            "pdf_s": pdf_s,
            "pdf_ratio": pdf_s / site_s,
            "pdf_max_s": pdf_max_s,
            "pdf_max_ratio": pdf_max_s / site_s,
            "pdf_breakdown": pdf_breakdown,
            "check_s": check_s,
            "check_load_s": load_s,
        },
        "weight_max": weight_max,
        "weight_per_page": weights,
        "html": html,
        "scaling": scaling,
        "scaling_marginal": scaling_marginal(scaling),
        "profile": profile,
        "authoring_loop": loop,
        "scorm12": scorm12,
        "search": search,
        "lighthouse": lighthouse,
        "class_summary": summary,
        "targets_met": {
            "scorm12_suspend_data": scorm12["length"] <= scorm12["limit"],
            "overhead": ratio["ratio"] <= TARGET_OVERHEAD,
            "pdf": pdf_max_s / site_s <= TARGET_PDF,
            "check": load_s <= TARGET_CHECK,
            "our_js_css_gzip": weight_max["ours_gz"] <= TARGET_OUR_GZIP,
            "search_index": search["learner_gz"] <= TARGET_SEARCH_GZIP
            and not search["tutor_pages_in_learner"],
            **{
                f"lighthouse {page}": all(r["met"].values())
                for page, r in lighthouse.get("pages", {}).items()
            },
            "key_share": all(r["share"] <= TARGET_KEY_SHARE for r in html["lessons"].values()),
            "plain_page_added": all(v <= TARGET_CHROME for v in html["plain_pages"].values()),
            "assignment_like_a_lesson": html["assignment_gz"]
            <= max(r["gz"] for r in html["lessons"].values()),
            "scaling_per_module_not_growing": not_growing(scaling_marginal(scaling)),
            **{f"authoring_loop_{n}": met for n, met in loop["targets_met"].items()},
        },
    }
    print(json.dumps(report, indent=2))
    table = markdown_table(report)
    print()
    print(table)
    if args.readme:
        update_readme(table)


if __name__ == "__main__":
    main()
