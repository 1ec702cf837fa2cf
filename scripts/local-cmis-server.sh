#!/usr/bin/env bash
# Runs the Apache Chemistry OpenCMIS InMemory server (repository A1, user dummyuser/dummysecret) on
# 127.0.0.1 for manual tries, demos and CI: prints the browser binding URL, runs until killed.
#   scripts/local-cmis-server.sh [PORT]        (default 8081)
# The war is fetched by Maven into target/cmis (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8081}"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  org.scanstation.upload.cmis.testing.LocalCmisServerMain "$port"
