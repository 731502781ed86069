# Shared set-up for scripts/serve, scripts/build and scripts/test: sourced, not run.
# Creates .venv on first use and reinstalls only when a dependency file changes, so the
# second run of any command starts at once.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

# The Python the README names; an older one fails here with a clear message, not later.
PYTHON_MIN="3.11"

ensure_python_env() {  # $@: extra requirement files
  local files=(requirements.txt constraints.txt pyproject.toml "$@")
  # One stamp per requirement set, so `scripts/build` and `scripts/test` in turn do not reinstall.
  local set_name="base"
  (( $# )) && set_name="$(basename -s .txt "$@" | paste -sd+)"
  local stamp="$VENV/.crs-installed-$set_name"
  local want
  want="$(cat "${files[@]}" | sha256sum | cut -d' ' -f1)"
  if [[ ! -x "$PY" ]]; then
    python3 -c "import sys; sys.exit(sys.version_info < tuple(map(int, '$PYTHON_MIN'.split('.'))))" || {
      echo "crs: Python $PYTHON_MIN or newer is needed, found $(python3 --version 2>&1)" >&2
      exit 1
    }
    echo "crs: creating virtualenv in .venv" >&2
    python3 -m venv "$VENV"
  fi
  if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
    echo "crs: installing pinned Python dependencies" >&2
    local reqs=()
    for f in requirements.txt "$@"; do reqs+=(-r "$f"); done
    "$PY" -m pip install --quiet --disable-pip-version-check "${reqs[@]}" -c constraints.txt
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps -e .
    echo "$want" > "$stamp"
  fi
}

ensure_node_modules() {  # esbuild bundles the front end; axe-core is for the tests
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [[ "$(cat node_modules/.crs-installed 2>/dev/null)" != "$want" ]]; then
    command -v npm >/dev/null || { echo "crs: Node.js 20+ with npm is needed (apt-get install nodejs npm)" >&2; exit 1; }
    echo "crs: installing pinned npm packages" >&2
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > node_modules/.crs-installed
  fi
}
