#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and opens Build Token
# Browser on demo data (a fake Cloudflare API inside the app). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec build/bin/build-token-browser --demo "$@"
