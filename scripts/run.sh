#!/usr/bin/env bash
# Builds ScanStation and opens the station window on the embedded default: the demo scanner (the sample
# batch in samples/), the sample patient index, and a local OpenCMIS InMemory server on 127.0.0.1:8081
# started for it (stopped when the window closes). Supervisor sign-in for the demo: supervisor / demo.
# Settings and the encrypted store of the demo live under target/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export OMP_THREAD_LIMIT=1
if [ ! -s target/scanstation.jar ] || [ -n "$(find src pom.xml -newer target/scanstation.jar -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package
fi
mkdir -p target/demo
port=8081
url="http://127.0.0.1:$port/cmis/browser"
if ! curl -fsS -u dummyuser:dummysecret "$url" >/dev/null 2>&1; then
  echo "Starting a local CMIS server (OpenCMIS InMemory) on 127.0.0.1:$port ..."
  scripts/local-cmis-server.sh "$port" > target/demo/cmis-server.log 2>&1 &
  cmis=$!
  trap 'kill "$cmis" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -fsS -u dummyuser:dummysecret "$url" >/dev/null 2>&1 && break
    kill -0 "$cmis" 2>/dev/null || { echo "The CMIS server did not start (target/demo/cmis-server.log); the station opens offline."; break; }
    sleep 1
  done
fi
export SCANSTATION_CMIS_PASSWORD=dummysecret
# The demo's accounts and locks play IT's machine-wide file, which must be one the user cannot write
# (ADR 0011): as root the repository's copy is used; otherwise a root-owned copy is installed with sudo.
demo_cfg=scripts/demo/station.json
if [ "$(id -u)" -ne 0 ]; then
  demo_cfg=/usr/local/share/scanstation-demo/station.json
  sudo install -D -o root -g root -m 644 scripts/demo/station.json "$demo_cfg"
fi
java -Dscanstation.machineConfig="$demo_cfg" -Dscanstation.userConfig=target/demo/settings.json \
  -jar target/scanstation.jar "$@"
