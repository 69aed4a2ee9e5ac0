#!/usr/bin/env bash
# Set up, then run the main job on the embedded Victor Serge biography:
# ingest it into ./vitagraph.db and print its outline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/vitagraph ingest --sample --db vitagraph.db
.venv/bin/vitagraph show victor-serge.txt --db vitagraph.db
exec .venv/bin/vitagraph serve --db vitagraph.db   # the explorer: http://127.0.0.1:8000
