#!/usr/bin/env bash
# Takes the README's screenshots of the REAL station window under Xvfb (docs/screenshots/*.png), at
# 1600x1000 and at 1366x768 (the ward PC screen: files ending -1366): starts the demo station like
# scripts/run.sh (its own local CMIS server on a free port), and drives it with the keyboard and a few
# clicks (xdotool) through scan (a page large) -> file -> supervisor sign-in -> review of the two-patient
# page (the whole page with both labels marked, a search for "Scott") -> the filing confirmation ->
# upload queue -> settings, grabbing the screen at each step.
#   scripts/screenshots.sh          (needs xvfb, imagemagick, x11-utils, xdotool: install-deps.sh --test)
# Look at every picture before committing it: the script cannot tell a right screen from a wrong one.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out" target/demo
[ -s target/scanstation.jar ] || mvn -B -ntp -q -DskipTests package
export OMP_THREAD_LIMIT=1 SCANSTATION_CMIS_PASSWORD=dummysecret
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port/cmis/browser"
scripts/local-cmis-server.sh "$port" > target/demo/cmis-server.log 2>&1 &
cmis=$!
trap 'kill "$cmis" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fsS -u dummyuser:dummysecret "$url" >/dev/null 2>&1 && break; sleep 1; done
# the demo's machine-wide settings, pointing at this server (run as root, like scripts/run.sh)
sed "s#http://127.0.0.1:8081/cmis/browser#$url#" scripts/demo/station.json > target/demo/station-shots.json

shots() {
  local width=$1 height=$2 suffix=$3  # $4 $5: where the second line of the review's list is
  rm -rf target/demo/store target/demo/station.key target/demo/settings-shots.json
  WIDTH=$width HEIGHT=$height SUFFIX=$suffix OUT=$out LEGEND="$4 $5" xvfb-run -a -s "-screen 0 ${width}x${height}x24" bash -c '
    set -u
    java -Dscanstation.machineConfig=target/demo/station-shots.json \
      -Dscanstation.userConfig=target/demo/settings-shots.json -jar target/scanstation.jar > target/demo/app.log 2>&1 &
    app=$!
    wid=""
    for _ in $(seq 1 90); do
      wid=$(xwininfo -root -tree | awk "/scanning station/{print \$1; exit}")
      [ -n "$wid" ] && break
      sleep 1
    done
    [ -n "$wid" ] || { echo "the window did not open"; kill $app; exit 1; }
    shot() { sleep "$2"; import -window root "$OUT/$1$SUFFIX.png"; echo "$OUT/$1$SUFFIX.png"; }
    # waits until the station has been idle (under a tenth of a core) for four seconds, after at least $1 s and
    # at most $2 s: scanning, analysis and filing take as long as the machine makes them, not a fixed time
    settle() {
      local least=$1 most=$2 waited=0 quiet=0 before now
      sleep "$least"
      before=$(awk "{print \$14 + \$15}" /proc/$app/stat)
      while [ "$waited" -lt "$most" ] && [ "$quiet" -lt 2 ]; do
        sleep 2
        waited=$((waited + 2))
        now=$(awk "{print \$14 + \$15}" /proc/$app/stat)
        if [ $((now - before)) -lt 20 ]; then quiet=$((quiet + 1)); else quiet=0; fi
        before=$now
      done
    }
    key() { xdotool key --clearmodifiers "$@"; }
    click() { xdotool mousemove "$1" "$2" click 1; }
    xdotool windowfocus "$wid" 2>/dev/null || true
    sleep 3
    key F5                      # the demo starts on a one-sided feeder profile: no warning to answer
    settle 20 400               # the 14 demo pages scanned and analysed
    click 150 290               # a page of the strip: shown large on the right
    sleep 2
    key Right Right Right Right Right Right Right Right
    shot scan 4
    key ctrl+Return             # file the batch
    settle 5 300
    key ctrl+2                  # review
    sleep 3
    key alt+n                   # to the sign-in
    sleep 1
    xdotool type --delay 60 supervisor
    key Tab
    xdotool type --delay 60 demo
    key Return
    sleep 3
    click 120 198               # the first held document, then the second: the two-patient page
    sleep 2
    key Down
    sleep 6
    key ctrl+f
    xdotool type --delay 60 Scott
    key Return
    shot review 4
    click $LEGEND               # the second line of the list under the page: its label shown large
    shot review-label 3
    key alt+a                   # accepting asks first, naming the patient beside the page
    shot review-confirm 4
    key Escape
    sleep 1
    key ctrl+3
    shot upload-queue 20
    key ctrl+4
    shot settings 3
    kill $app
  '
}
shots 1600 1000 "" 640 772          # the last two: where the second line of the review list is
shots 1366 768 "-1366" 420 540
