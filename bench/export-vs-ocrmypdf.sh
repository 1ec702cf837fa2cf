#!/bin/sh
# Side-by-side benchmark: `scanstation export` (analysis + one searchable PDF/A-2b per document) vs
# img2pdf + `ocrmypdf --output-type pdfa -j N` on the same scanned pages, OMP_THREAD_LIMIT=1 for both.
# usage: bench/export-vs-ocrmypdf.sh [BATCH_DIR...]
#   BATCH_DIR defaults to both ../shared/corpus/public-01/batch and ../shared/corpus/public-02/batch; each is
#   run on its own, one tool after the other. BATCH_DIR/../patients.csv is the patient index; truth.json beside
#   it (if any) drives the NHS-number check. Env: PAGES=N (first N images only), WORK=folder (target/bench/...),
#   REPEAT=N (run both tools N times, one after the other, and compare the runs with the median CPU time).
# Prints per batch: CPU s/page (user + system of the process and its children), wall s and bytes for both,
# the CPU efficiency, wall and bytes ratios, word recall against OCRmyPDF's text and NHS-number hits
# (bench/compare-text-layers.py says how). Needs: java 17, tesseract-ocr(-eng), ocrmypdf, img2pdf,
# poppler-utils, python3. Run from anywhere.
set -eu
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  set -- ../shared/corpus/public-01/batch ../shared/corpus/public-02/batch
fi
PAGES=${PAGES:-0}
REPEAT=${REPEAT:-1}
WORK_ROOT=${WORK:-target/bench/export-vs-ocrmypdf}
CORES=$(getconf _NPROCESSORS_ONLN)
export OMP_THREAD_LIMIT=1

if [ ! -s target/scanstation.jar ] || [ -n "$(find src pom.xml -newer target/scanstation.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
mkdir -p "$WORK_ROOT"
# the dictionary: Tesseract's own English word list (the one both tools' OCR uses)
if [ ! -s "$WORK_ROOT/words.txt" ]; then
  TESSDATA=$(ls -d /usr/share/tesseract-ocr/*/tessdata 2>/dev/null | head -n 1)
  (cd "$WORK_ROOT" && combine_tessdata -u "$TESSDATA/eng.traineddata" eng. >/dev/null \
    && dawg2wordlist eng.lstm-unicharset eng.lstm-word-dawg words.txt >/dev/null 2>&1)
fi

for BATCH in "$@"; do
  NAME=$(basename "$(dirname "$(cd "$BATCH" && pwd)")")
  WORK_DIR=$WORK_ROOT/$NAME
  rm -rf "$WORK_DIR"
  mkdir -p "$WORK_DIR/input" "$WORK_DIR/ocrmypdf"
  ls "$BATCH" | grep -Ei '\.(jpe?g|png|tiff?)$' | sort > "$WORK_DIR/all.txt"
  if [ "$PAGES" -gt 0 ]; then head -n "$PAGES" "$WORK_DIR/all.txt" > "$WORK_DIR/pages.txt"; else cp "$WORK_DIR/all.txt" "$WORK_DIR/pages.txt"; fi
  N=$(wc -l < "$WORK_DIR/pages.txt")
  BATCH_ABS=$(cd "$BATCH" && pwd)
  while read -r f; do ln -s "$BATCH_ABS/$f" "$WORK_DIR/input/$f"; done < "$WORK_DIR/pages.txt"
  echo "== $NAME: $N pages from $BATCH, $CORES cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

  # the two tools one after the other, REPEAT times; the run with the median CPU time of each is compared (CPU
  # time on a shared machine drifts by a few per cent from one minute to the next)
  R=1
  while [ "$R" -le "$REPEAT" ]; do
    # (a) img2pdf + ocrmypdf, one job per core
    rm -f "$WORK_DIR/ocrmypdf/"*.pdf
    /usr/bin/time -f "%e %U %S" -o "$WORK_DIR/ocrmypdf.time.$R" sh -c \
      "cd '$WORK_DIR/input' && img2pdf \$(cat ../pages.txt) -o ../ocrmypdf/images.pdf 2>/dev/null && ocrmypdf -q -j $CORES --output-type pdfa ../ocrmypdf/images.pdf ../ocrmypdf/ocr.pdf"
    # (b) scanstation export
    rm -rf "$WORK_DIR/scanstation"
    /usr/bin/time -f "%e %U %S" -o "$WORK_DIR/export.time.$R" \
      java -jar target/scanstation.jar export -q --patients "$BATCH/../patients.csv" --out "$WORK_DIR/scanstation" \
      --batch-id bench "$WORK_DIR/input" > "$WORK_DIR/export.log"
    R=$((R + 1))
  done
  for TOOL in ocrmypdf export; do
    for F in "$WORK_DIR/$TOOL.time."*; do
      echo "$(awk '{print $2 + $3}' "$F") $F"
    done | sort -n | awk -v n="$REPEAT" 'NR == int((n + 1) / 2) {print $2}' | xargs -I{} cp {} "$WORK_DIR/$TOOL.time"
    if [ "$REPEAT" -gt 1 ]; then
      printf '%s CPU s over %s runs:' "$TOOL" "$REPEAT"
      for F in "$WORK_DIR/$TOOL.time."*; do printf ' %s' "$(awk '{print $2 + $3}' "$F")"; done
      echo " (median taken)"
    fi
  done

  if [ "$REPEAT" -gt 1 ]; then
    # each of our runs against the OCRmyPDF run just before it (the two shared the VM's state of the moment)
    R=1
    PAIRS=""
    while [ "$R" -le "$REPEAT" ]; do
      PAIRS="$PAIRS $(awk 'NR == FNR {o = $2 + $3; next} {printf "%.2f", o / ($2 + $3)}' "$WORK_DIR/ocrmypdf.time.$R" "$WORK_DIR/export.time.$R")"
      R=$((R + 1))
    done
    echo "CPU efficiency run by run:$PAIRS (median $(echo $PAIRS | tr ' ' '\n' | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')x)"
  fi
  python3 bench/compare-text-layers.py "$WORK_DIR" "$BATCH/../truth.json" "$WORK_ROOT/words.txt"
done
