#!/usr/bin/env bash
# The main job on a fresh machine: install eventwire with its English model, process the
# bundled example articles into the embedded DuckDB store (eventwire.duckdb), show the result.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet -e '.[model]'

export EVENTWIRE_DB="${EVENTWIRE_DB:-eventwire.duckdb}"
ew=.venv/bin/eventwire
$ew ingest examples/
$ew stats
$ew articles
for id in $($ew articles --format csv | tail -n +2 | cut -d, -f1); do
    $ew show "$id" --format table
done
$ew events --limit 20
echo
echo "The store is $EVENTWIRE_DB. To read it over HTTP, run:"
echo "    .venv/bin/eventwire serve --db $EVENTWIRE_DB"
echo "and open http://127.0.0.1:8000/ (the articles, each with its annotations highlighted)"
echo "or http://127.0.0.1:8000/docs (the JSON API: /api/events, /api/articles/ID, ...)."
