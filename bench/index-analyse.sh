#!/usr/bin/env bash
# analyse over a corpus with its own small patient index vs a million-patient index holding the same
# patients, at the same heap: same results (JSON compared), time and memory of both.
#   bench/index-analyse.sh [CORPUS=../shared/corpus/public-01] [PATIENTS=1000000] [HEAP=512m] [WORK=/tmp/scanstation-index-analyse]
set -euo pipefail
corpus=${1:-../shared/corpus/public-01}
patients=${2:-1000000}
heap=${3:-512m}
work=${4:-/tmp/scanstation-index-analyse}
jar=${JAR:-target/scanstation.jar}
export OMP_THREAD_LIMIT=1
mkdir -p "$work"

if [ ! -f "$work/extract.csv" ]; then
  java -jar "$jar" bench --index --index-patients "$patients" --work "$work/bench" | sed 's/^/  /'
  # the synthetic patients (without any whose hospital number the corpus uses) + the corpus's own
  cut -d, -f2 "$corpus/patients.csv" | tail -n +2 | sort -u > "$work/corpus-mrns.txt"
  awk -F, 'NR==FNR { taken[$1] = 1; next } FNR == 1 || !($2 in taken)' "$work/corpus-mrns.txt" "$work/bench/extract.csv" > "$work/extract.csv"
  tail -n +2 "$corpus/patients.csv" | tr -d '\r' | sed 's/$/,,,/' >> "$work/extract.csv"
  rm -rf "$work/bench"
fi
if [ ! -f "$work/index/current" ]; then
  java -jar "$jar" index import "$work/extract.csv" --index "$work/index" | sed 's/^/  /'
fi

run() { # label, index options...
  local label=$1; shift
  /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB max RSS" -o "$work/$label.time" \
    java -Xmx"$heap" -jar "$jar" analyse --quiet "$@" --json "$work/$label.json" "$corpus/batch" > "$work/$label.out"
  echo "$label: $(tail -1 "$work/$label.time"); $(head -1 "$work/$label.out")"
}
for round in 1 2; do
  run small --patients "$corpus/patients.csv"
  run million --index "$work/index"
done
if cmp -s "$work/small.json" "$work/million.json"; then
  echo "results: identical JSON"
else
  echo "results: DIFFERENT (diff $work/small.json $work/million.json)"; exit 1
fi
if [ -f "$corpus/truth.json" ] && [ -x ../shared/tools/score-analysis ]; then
  python3 ../shared/tools/score-analysis "$corpus/truth.json" "$work/million.json" | tr '\n' ' '; echo
fi
