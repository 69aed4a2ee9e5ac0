#!/usr/bin/env bash
# Set up, then run the main job: the explorer on the embedded Victor Serge
# biography at http://127.0.0.1:8000 (an empty ./vitagraph.db is filled with
# the sample first). Arguments go to `vitagraph serve` (--port, --db, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/vitagraph serve --db vitagraph.db "$@"
