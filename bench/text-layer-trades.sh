#!/bin/sh
# The measured trades of ADR 0015: the text layer of every content page of a batch read under several settings
# (resolution, binarisation, page segmentation mode, Tesseract parameters), one thread, CPU per page and word
# recall against OCRmyPDF's text of the same pages (and NHS numbers found on labelled pages).
# usage: bench/text-layer-trades.sh BATCH_DIR SETTING...   e.g. bench/text-layer-trades.sh ../shared/corpus/public-01/batch recipe 1.0:bin
#   Settings: see src/test/java/org/scanstation/pdf/TextLayerTradesBench.java. OCRmyPDF's reference PDF is made
#   once per batch in WORK (target/bench/trades). Needs what export-vs-ocrmypdf.sh needs.
set -eu
cd "$(dirname "$0")/.."
BATCH=$1
shift
NAME=$(basename "$(dirname "$(cd "$BATCH" && pwd)")")
WORK=${WORK:-target/bench/trades}/$NAME
export OMP_THREAD_LIMIT=1
mkdir -p "$WORK"
mvn -q -B -o test-compile >/dev/null 2>&1 || mvn -q -B test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
ls "$BATCH" | grep -Ei '\.(jpe?g|png|tiff?)$' | sort > "$WORK/pages.txt"
if [ ! -s "$WORK/ocrmypdf.pdf" ]; then
  (cd "$BATCH" && img2pdf $(cat "$OLDPWD/$WORK/pages.txt") -o "$OLDPWD/$WORK/images.pdf" 2>/dev/null)
  ocrmypdf -q -j "$(getconf _NPROCESSORS_ONLN)" --output-type pdfa "$WORK/images.pdf" "$WORK/ocrmypdf.pdf"
fi
if [ ! -s "$WORK/words.txt" ]; then
  TESSDATA=$(ls -d /usr/share/tesseract-ocr/*/tessdata 2>/dev/null | head -n 1)
  (cd "$WORK" && combine_tessdata -u "$TESSDATA/eng.traineddata" eng. >/dev/null 2>&1 \
    && dawg2wordlist eng.lstm-unicharset eng.lstm-word-dawg words.txt >/dev/null 2>&1)
fi
java -Xmx3g -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.scanstation.pdf.TextLayerTradesBench "$BATCH" "$BATCH/../patients.csv" "$WORK/out" "$@" 2>/dev/null
python3 bench/trade-recall.py "$WORK/pages.txt" "$WORK/ocrmypdf.pdf" "$BATCH/../truth.json" "$WORK/words.txt" "$WORK/out" "$@"
