#!/bin/sh
# Where the CPU of a whole `scanstation export` goes: runs export on a batch under Java Flight Recorder (in the
# JDK) and prints CPU seconds per thread group (process total, analysis workers, JIT compiler, GC...) and the
# share of each stage (bench/jfr-stages.py).
# usage: bench/profile-export.sh [BATCH_DIR=../shared/corpus/public-01/batch] [JAR=target/scanstation.jar]
# Env: WORK=folder (target/bench/profile). Needs java 17 (jfr), python3, tesseract-ocr(-eng).
set -eu
cd "$(dirname "$0")/.."
BATCH=${1:-../shared/corpus/public-01/batch}
JAR=${2:-target/scanstation.jar}
WORK=${WORK:-target/bench/profile}
export OMP_THREAD_LIMIT=1
if [ "$JAR" = target/scanstation.jar ] && { [ ! -s "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; }; then
  mvn -B -q -DskipTests package
fi
rm -rf "$WORK"
mkdir -p "$WORK"
java -XX:StartFlightRecording=filename="$WORK/export.jfr",settings=profile -jar "$JAR" export -q \
  --patients "$BATCH/../patients.csv" --out "$WORK/out" --batch-id profile "$BATCH" > "$WORK/export.log" 2>&1 &
PID=$!
# CPU ticks of each thread, last seen before it ended (threads are named: page-analysis-N, C2 CompilerThread0...)
while kill -0 "$PID" 2>/dev/null; do
  for t in /proc/"$PID"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    name=$(cat "$t/comm" 2>/dev/null) || continue
    rest=${stat##*) }
    # fields 14 and 15 of stat: user and system ticks
    echo "$(basename "$t") $(echo "$rest" | awk '{print $12 + $13}') $name"
  done > "$WORK/threads.now"
  cat "$WORK/threads.now" >> "$WORK/threads.all"
  sleep 0.5
done
wait "$PID" || { cat "$WORK/export.log"; exit 1; }
TICKS=$(getconf CLK_TCK)
echo "CPU seconds by thread group (process and threads sampled every 0.5 s):"
awk -v hz="$TICKS" '{ id=$1; ticks[id]=$2; n=$3; for (i=4;i<=NF;i++) n=n" "$i; gsub(/[0-9]+$/, "#", n); name[id]=n }
     END { for (id in ticks) s[name[id]]+=ticks[id]; for (k in s) { t+=s[k]; if (s[k] >= hz / 10) printf "%8.1f  %s\n", s[k]/hz, k } printf "%8.1f  total\n", t/hz }' \
  "$WORK/threads.all" | sort -rn
echo
python3 bench/jfr-stages.py "$WORK/export.jfr"
