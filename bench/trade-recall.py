#!/usr/bin/env python3
"""Word recall and CPU of each text-layer setting TextLayerTradesBench wrote (bench/text-layer-trades.sh).

usage: trade-recall.py PAGES.txt OCRMYPDF.pdf TRUTH.json WORDLIST OUT_DIR SETTING_DIR...

Recall as in compare-text-layers.py: OCRmyPDF's dictionary words (4+ letters, counted with repetition) on pages
scanned upright that the setting's text of the same page also holds. PAGES.txt lists the images in OCRmyPDF's
page order.
"""
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"[A-Za-z]{4,}")


def main():
    pages_txt, ocrmypdf, truth_path, wordlist, out = sys.argv[1:6]
    pages = open(pages_txt).read().split()
    truth = {p["source"]: p for p in json.load(open(truth_path))["pages"]}
    dictionary = {w.strip().lower() for w in open(wordlist, encoding="utf-8", errors="replace") if w.strip()}

    def words(text):
        return collections.Counter(w for w in (m.lower() for m in WORD.findall(text)) if w in dictionary)

    theirs = {}
    for setting in sys.argv[6:]:
        folder = os.path.join(out, setting.replace(":", "_"))
        times = dict(line.split("\t") for line in open(os.path.join(folder, "times.tsv")).read().splitlines())
        wanted = found = nhs = nhs_pages = 0
        for source, ms in times.items():
            t = truth.get(source, {})
            ours = open(os.path.join(folder, source + ".txt")).read()
            if t.get("labelled") and t.get("nhs_number"):
                nhs_pages += 1
                nhs += t["nhs_number"] in "".join(ours.split())
            if t.get("rotation"):
                continue
            if source not in theirs:
                n = pages.index(source) + 1
                theirs[source] = words(subprocess.run(["pdftotext", "-q", "-f", str(n), "-l", str(n), ocrmypdf, "-"],
                                                      capture_output=True, text=True).stdout)
            ours_words = words(ours)
            wanted += sum(theirs[source].values())
            found += sum(min(c, ours_words[w]) for w, c in theirs[source].items())
        cpu = sum(int(ms) for ms in times.values()) / 1000 / len(times)
        print("%-40s %3d pages  %.3f s CPU/page  recall %.3f (%d/%d)  NHS numbers %d/%d"
              % (setting, len(times), cpu, found / wanted if wanted else 1, found, wanted, nhs, nhs_pages))


if __name__ == "__main__":
    main()
