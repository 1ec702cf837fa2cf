#!/usr/bin/env bash
# Package test (CI runs as root on a throwaway machine): build the .deb, install it, run the installed
# station from the PATH, remove it, check nothing is left under /opt/scanstation.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
t0=$(date +%s)
step() { echo "== package-test: $* ($(( $(date +%s) - t0 )) s)"; }

step "build the .deb"
mvn -B -ntp -DskipTests -Pinstaller package
deb=$(ls target/installer/scanstation_*.deb | head -1)
ls -l "$deb"
dpkg-deb --field "$deb" Package Version Depends

step "install $deb"
if dpkg -s scanstation >/dev/null 2>&1; then dpkg --purge scanstation; fi
apt-get install -y -q "./$deb"
test -x /opt/scanstation/bin/scanstation
test -f /usr/share/applications/scanstation.desktop

step "scanstation --version (from the PATH: $(command -v scanstation))"
scanstation --version

step "scanstation doctor"
# CI has no EDMS and no scanner: those are INFO/WARN; a FAIL (exit 1) fails the test
scanstation doctor

step "scanstation analyse on a sample page"
out=$(mktemp -d)
scanstation analyse --patients ../shared/corpus/public-01/patients.csv --json "$out/analysis.json" \
  ../shared/corpus/public-01/batch/0010.png
test -s "$out/analysis.json"
grep -q '"pages"' "$out/analysis.json"

step "a malformed machine-wide file stops the station, naming file and line"
printf '{\n  "stationId": "x",\n  "edms": { oops }\n}\n' > "$out/bad.json"
set +e
scanstation --config "$out/bad.json" analyse --patients ../shared/corpus/public-01/patients.csv \
  ../shared/corpus/public-01/batch/0010.png 2> "$out/err.txt"
rc=$?
set -e
cat "$out/err.txt"
[ "$rc" -eq 10 ] || { echo "expected exit 10 on a malformed config, got $rc" >&2; exit 1; }
grep -q "bad.json: line 3" "$out/err.txt"

step "remove"
dpkg -r scanstation
[ ! -e /opt/scanstation ] || { echo "/opt/scanstation is still there after dpkg -r" >&2; ls -R /opt/scanstation | head; exit 1; }
[ ! -e /usr/bin/scanstation ] || { echo "/usr/bin/scanstation is still there" >&2; exit 1; }
[ ! -e /usr/share/applications/scanstation.desktop ] || { echo "desktop entry left behind" >&2; exit 1; }
test -f /etc/scanstation/station.json   # IT's configuration survives a remove
dpkg --purge scanstation
[ ! -e /etc/scanstation/station.json ] || { echo "purge left /etc/scanstation/station.json" >&2; exit 1; }
rm -rf "$out"
step "passed"
