#!/usr/bin/env bash
# Takes the README's screenshots of the REAL station window under Xvfb (docs/screenshots/*.png):
# starts the demo station like scripts/run.sh, drives it with the keyboard (xdotool) through
# scan -> file -> supervisor sign-in -> review -> upload queue -> settings, and grabs each screen.
#   scripts/screenshots.sh          (needs xvfb, imagemagick, x11-utils, xdotool: install-deps.sh --test)
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out" target/demo
rm -rf target/demo/store target/demo/station.key
[ -s target/scanstation.jar ] || mvn -B -ntp -q -DskipTests package
export OMP_THREAD_LIMIT=1 SCANSTATION_CMIS_PASSWORD=dummysecret
port=8081
url="http://127.0.0.1:$port/cmis/browser"
if ! curl -fsS -u dummyuser:dummysecret "$url" >/dev/null 2>&1; then
  scripts/local-cmis-server.sh "$port" > target/demo/cmis-server.log 2>&1 &
  cmis=$!
  trap 'kill "$cmis" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -fsS -u dummyuser:dummysecret "$url" >/dev/null 2>&1 && break; sleep 1; done
fi
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  set -u
  out='"$out"'
  java -Dscanstation.machineConfig=scripts/demo/station.json -Dscanstation.userConfig=target/demo/settings.json \
    -jar target/scanstation.jar > target/demo/app.log 2>&1 &
  app=$!
  wid=""
  for _ in $(seq 1 60); do
    wid=$(xwininfo -root -tree | awk "/scanning station/{print \$1; exit}")
    [ -n "$wid" ] && break
    sleep 1
  done
  [ -n "$wid" ] || { echo "the window did not open"; kill $app; exit 1; }
  shot() { sleep "$2"; import -window "$wid" "$out/$1.png"; echo "$out/$1.png"; }
  key() { xdotool key --window "$wid" "$@"; }
  xdotool windowfocus "$wid" 2>/dev/null || true
  sleep 2
  key F5
  for _ in $(seq 1 120); do grep -q "Scan finished" <(xdotool getwindowname "$wid") 2>/dev/null && break; sleep 1; done
  sleep 45
  xdotool mousemove --window "$wid" 1190 300 click 1
  shot scan 1
  key ctrl+Return
  sleep 25
  key ctrl+2
  sleep 2
  key alt+n; xdotool type --window "$wid" supervisor
  key alt+w; xdotool type --window "$wid" demo
  key Return
  shot review 3
  key ctrl+3
  shot upload-queue 15
  key ctrl+4
  shot settings 2
  kill $app
'
