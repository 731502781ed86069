"""The offline bundle: the built site and its PDFs in one zip that works from file://.

    mkdocs build --strict -> <tmp>/co-production/ + crs.pdf -> downloads/*.pdf -> zip

Nothing in the site loads from another host (Material's offline plugin, the vendored
iframe-worker shim for search, one classic script bundle), so unzipping the file and opening
co-production/index.html is all a learner does.

Usage: scripts/offline [--dist dist]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from crs import pdf
from crs.errors import CourseError

BUNDLE = "co-production-offline.zip"
FOLDER = "co-production"  # the one folder the zip unpacks to


def zip_site(site_dir: Path, target: Path, folder: str = FOLDER) -> Path:
    """Zip every file of site_dir under folder/, in a stable order."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            bundle.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
    return target


def build_site(config_file: Path, site_dir: Path) -> None:
    # A copy opened from file:// has no web address, whatever the shell says.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CRS_SITE_URL": ""}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    result = subprocess.run(
        [*command, "-f", str(config_file), "-d", str(site_dir)],
        env=env,
        cwd=config_file.parent,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise CourseError(str(config_file), None, f"the site build failed:\n{result.stderr}")


def bundle(config_file: Path, dist: Path) -> Path:
    """Build the site and both PDFs in a temporary folder and zip them into dist/."""
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / FOLDER
        build_site(config_file.resolve(), site_dir)
        pdf.build(config_file, site_dir / "downloads")
        return zip_site(site_dir, Path(dist) / BUNDLE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/offline", description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        target = bundle(args.config_file, args.dist)
    except CourseError as error:
        print(f"crs: offline bundle failed: {error}", file=sys.stderr)
        return 1
    size = target.stat().st_size / 1024 / 1024
    print(
        f"crs: wrote {target} ({size:.1f} MB, {time.perf_counter() - started:.1f} s); unzip it "
        f"and open {FOLDER}/index.html",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
