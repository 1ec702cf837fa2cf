#!/bin/sh
# Side-by-side benchmark: `scanstation export` (analysis + one searchable PDF/A-2b per document) vs
# img2pdf + `ocrmypdf --output-type pdfa` on the same scanned pages.
# usage: bench/export-vs-ocrmypdf.sh [BATCH_DIR] [PAGES] [PATIENTS.csv] [WORK_DIR]
#   BATCH_DIR defaults to ../shared/corpus/public-01/batch, PAGES to all image files in it,
#   PATIENTS.csv to BATCH_DIR/../patients.csv; truth.json beside it (if any) drives the pdftotext check.
# Needs: java 17, tesseract-ocr(-eng), ocrmypdf, img2pdf, poppler-utils, python3. Run from anywhere.
set -eu
cd "$(dirname "$0")/.."
BATCH=${1:-../shared/corpus/public-01/batch}
PAGES=${2:-0}
PATIENTS=${3:-$BATCH/../patients.csv}
WORK=${4:-target/bench/export-vs-ocrmypdf}
TRUTH=$BATCH/../truth.json

if [ ! -s target/scanstation.jar ] || [ -n "$(find src pom.xml -newer target/scanstation.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
rm -rf "$WORK"
mkdir -p "$WORK/input" "$WORK/ocrmypdf"
ls "$BATCH" | grep -Ei '\.(jpe?g|png|tiff?)$' | sort > "$WORK/all.txt"
if [ "$PAGES" -gt 0 ]; then head -n "$PAGES" "$WORK/all.txt" > "$WORK/pages.txt"; else cp "$WORK/all.txt" "$WORK/pages.txt"; fi
N=$(wc -l < "$WORK/pages.txt")
BATCH_ABS=$(cd "$BATCH" && pwd)
while read -r f; do ln -s "$BATCH_ABS/$f" "$WORK/input/$f"; done < "$WORK/pages.txt"
echo "$N pages from $BATCH, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# (a) img2pdf + ocrmypdf (default: one job per core; it limits Tesseract's own threads itself)
/usr/bin/time -f "%e %U %S" -o "$WORK/ocrmypdf.time" sh -c \
  "cd '$WORK/input' && img2pdf \$(cat ../pages.txt) -o ../ocrmypdf/images.pdf 2>/dev/null && ocrmypdf -q --output-type pdfa ../ocrmypdf/images.pdf ../ocrmypdf/ocr.pdf"
# (b) scanstation export (the command sets OMP_THREAD_LIMIT=1 for itself)
/usr/bin/time -f "%e %U %S" -o "$WORK/export.time" \
  java -jar target/scanstation.jar export -q --patients "$PATIENTS" --out "$WORK/scanstation" --batch-id bench "$WORK/input" \
  > "$WORK/export.log"

python3 - "$WORK" "$N" "$TRUTH" <<'PY'
import json, os, subprocess, sys
work, n, truth_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = open(os.path.join(work, "pages.txt")).read().split()
def timing(name):
    wall, user, sys_ = map(float, open(os.path.join(work, name + ".time")).read().split()[-3:])
    return wall, user + sys_
def text(pdf, page):
    return "".join(subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"],
                                  capture_output=True, text=True).stdout.split())
ours_dir = os.path.join(work, "scanstation")
docs = []
for sub in ("", "review"):
    m = os.path.join(ours_dir, sub, "manifest.json")
    if os.path.exists(m):
        docs += [(os.path.join(ours_dir, sub, d["file"]), d) for d in json.load(open(m))["documents"]]
ours_bytes = sum(os.path.getsize(f) for f, _ in docs)
ours_pages = sum(d["pageCount"] for _, d in docs)
theirs_pdf = os.path.join(work, "ocrmypdf", "ocr.pdf")
theirs_bytes = os.path.getsize(theirs_pdf)
rows = [("img2pdf + ocrmypdf --output-type pdfa", *timing("ocrmypdf"), theirs_bytes, n),
        ("scanstation export (analysis + PDF/A)", *timing("export"), ours_bytes, ours_pages)]
print("%-40s %8s %10s %11s %13s %9s" % ("", "wall s", "pages/min", "CPU s/page", "total bytes", "PDF pages"))
for name, wall, cpu, size, out_pages in rows:
    print("%-40s %8.1f %10.1f %11.2f %13s %9d" % (name, wall, n * 60 / wall, cpu / n, format(size, ","), out_pages))
(_, tw, tc, tb, _), (_, ow, oc, ob, _) = rows
print("export vs ocrmypdf: %.2fx pages/min, %.2fx CPU per page, %.2fx bytes" % (tw / ow, oc / tc, ob / tb))
if os.path.exists(truth_path):
    truth = {p["source"]: p for p in json.load(open(truth_path))["pages"]}
    want = found_ours = found_theirs = 0
    for f, d in docs:
        first = truth.get(d["sources"][0], {})
        if not first.get("prints_ids") or not first.get("nhs_number"):
            continue
        want += 1
        nhs = first["nhs_number"]
        found_ours += nhs in text(f, 1)
        found_theirs += nhs in text(theirs_pdf, pages.index(d["sources"][0]) + 1)
    print("pdftotext finds the patient's NHS number on the first page of %d/%d documents that print it (ocrmypdf, same pages: %d/%d)"
          % (found_ours, want, found_theirs, want))
PY
