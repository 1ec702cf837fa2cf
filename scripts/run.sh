#!/usr/bin/env bash
# Builds ScanStation and runs it on the embedded default: the sample batch in samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export OMP_THREAD_LIMIT=1
if [ ! -s target/scanstation.jar ] || [ -n "$(find src pom.xml -newer target/scanstation.jar -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package
fi
# Until the station window lands, the embedded default is the headless analysis of the sample batch.
exec java -jar target/scanstation.jar analyse --patients samples/patients.csv samples/batch "$@"
