#!/usr/bin/env bash
# Run eventwire's checks from a fresh clone: installs what the tests need, then runs
# ruff, mypy and pytest. Extra arguments go to pytest (e.g. scripts/test.sh -k store).
set -euo pipefail
cd "$(dirname "$0")/.."

# The store tests run on DuckDB and on a real PostgreSQL server that the tests start themselves
# (tests/pg.py); they only need the server binaries, from Debian's postgresql package.
have_postgres() {
    command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
if ! have_postgres; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing PostgreSQL (Debian package postgresql)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null \
            || echo "warning: could not install PostgreSQL; its tests will not run" >&2
    else
        echo "warning: PostgreSQL is not installed (apt-get install postgresql as root);" \
             "its tests will not run" >&2
    fi
fi
# The web pages are tested in Debian's headless Chromium, driven through its chromedriver.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing Chromium (Debian packages chromium, chromium-driver)"
        export DEBIAN_FRONTEND=noninteractive
        { apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver \
            >/dev/null; } || echo "warning: could not install Chromium; browser tests will not run" >&2
    else
        echo "warning: Chromium is not installed (apt-get install chromium chromium-driver as" \
             "root); the browser tests will not run" >&2
    fi
fi
if [ "${CI:-}" = "true" ]; then
    export EVENTWIRE_REQUIRE_POSTGRES=1   # in CI, a missing PostgreSQL fails the tests
    export EVENTWIRE_REQUIRE_BROWSER=1    # and so does a missing Chromium
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet -e '.[dev,model,dask]'

echo "== ruff"
.venv/bin/ruff check src tests
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
