#!/usr/bin/env bash
# The whole test suite on a fresh Debian/Ubuntu machine: system packages, then Maven.
# Tests that need a SANE scanner start saned themselves on 127.0.0.1 (SANE test backend).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
export OMP_THREAD_LIMIT=1
mvn -B -ntp verify "$@"
