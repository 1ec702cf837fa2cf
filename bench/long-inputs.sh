#!/bin/sh
# Memory benchmark: `analyse` at -Xmx512m over a PDF of N pages sharing one image, a PDF of N pages with
# an image each, and a folder of N files named out1.jpg ... outN.jpg (scanimage --batch style): every
# page must be read, and the heap after garbage collection must stay flat from the first window of
# pages to the last (figures in bench/README.md).
# usage: bench/long-inputs.sh [PAGES=1000] [HEAP=512m] [BATCH_DIR=samples/batch] [PATIENTS=samples/patients.csv] [WORK_DIR]
# Needs: java 17, tesseract-ocr(-eng). Run from anywhere.
set -eu
cd "$(dirname "$0")/.."
PAGES=${1:-1000}
HEAP=${2:-512m}
BATCH=${3:-samples/batch}
PATIENTS=${4:-samples/patients.csv}
WORK=${5:-target/bench/long-inputs}

if [ ! -s target/scanstation.jar ] || [ -n "$(find src pom.xml -newer target/scanstation.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
mvn -q -B -o test-compile >/dev/null 2>&1 || mvn -q -B test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p "$WORK"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.scanstation.image.bench.LongInputs "$BATCH" "$PAGES" "$WORK"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), -Xmx$HEAP"
for input in "$WORK/shared-$PAGES.pdf" "$WORK/distinct-$PAGES.pdf" "$WORK/folder-$PAGES"; do
  echo "== $input"
  OMP_THREAD_LIMIT=1 java -Xmx"$HEAP" -jar target/scanstation.jar bench --no-peer --heap-window 100 \
    --patients "$PATIENTS" "$input"
done
