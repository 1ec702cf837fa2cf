#!/bin/sh
# Side-by-side benchmark: ScanStation's PDF/A writer vs img2pdf + ocrmypdf --output-type pdfa.
# usage: bench/ocrmypdf-compare.sh [BATCH_DIR] [PAGES] [JPEG_QUALITY] [WORK_DIR]
# Needs: tesseract-ocr(-eng), ocrmypdf, img2pdf. Run from the project root.
set -eu
cd "$(dirname "$0")/.."
BATCH=${1:-../shared/corpus/public-01/batch}
PAGES=${2:-20}
QUALITY=${3:-0.75}
WORK=${4:-target/bench/ocrmypdf-compare}
mvn -q -B -o test-compile >/dev/null 2>&1 || mvn -q -B test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p "$WORK"
OMP_THREAD_LIMIT=1 exec java -Xmx3g -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.scanstation.pdf.bench.OcrmypdfComparison "$BATCH" "$PAGES" "$QUALITY" "$WORK"
