#!/usr/bin/env python3
"""Compares `scanstation export` with OCRmyPDF on one batch, after both have run (see export-vs-ocrmypdf.sh).

usage: compare-text-layers.py WORK_DIR TRUTH.json WORDLIST

WORK_DIR holds pages.txt (the input images in batch order), ocrmypdf/ocr.pdf (one page per input image),
scanstation/ (export's folder with manifest.json, and review/manifest.json), and ocrmypdf.time and
export.time ("wall user sys" from /usr/bin/time). Prints, for both tools: CPU seconds per input page (user +
system of the process and its children), wall seconds and total bytes; then the text-layer measures:

- word recall: of OCRmyPDF's dictionary words (pdftotext, 4+ letters, in WORDLIST, case folded, counted with
  repetition) on the pages both files hold, the share that pdftotext also finds on the same page of ours; on
  all those pages, and on those the truth says were scanned upright (OCRmyPDF, run without --rotate-pages,
  reads a turned page as garbage, a few words of which happen to be in the dictionary);
- NHS-number hits: on each page the truth marks as labelled and whose patient has an NHS number, whether
  pdftotext finds that number (digits, spaces ignored) on the page, in ours and in OCRmyPDF's.
"""
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"[A-Za-z]{4,}")


def timing(work, name):
    wall, user, system = map(float, open(os.path.join(work, name + ".time")).read().split()[-3:])
    return wall, user + system


def page_text(pdf, page):
    return subprocess.run(["pdftotext", "-q", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True).stdout


def dictionary_words(text, dictionary):
    return collections.Counter(w for w in (m.lower() for m in WORD.findall(text)) if w in dictionary)


def main():
    work, truth_path, wordlist = sys.argv[1], sys.argv[2], sys.argv[3]
    pages = open(os.path.join(work, "pages.txt")).read().split()
    n = len(pages)
    dictionary = {w.strip().lower() for w in open(wordlist, encoding="utf-8", errors="replace") if w.strip()}

    ours_dir = os.path.join(work, "scanstation")
    ours = {}  # source image -> (pdf, page number)
    ours_bytes = 0
    for sub in ("", "review"):
        manifest = os.path.join(ours_dir, sub, "manifest.json")
        if not os.path.exists(manifest):
            continue
        for doc in json.load(open(manifest))["documents"]:
            pdf = os.path.join(ours_dir, sub, doc["file"])
            ours_bytes += os.path.getsize(pdf)
            for i, source in enumerate(doc["sources"]):
                ours[source] = (pdf, i + 1)
    theirs_pdf = os.path.join(work, "ocrmypdf", "ocr.pdf")
    theirs_bytes = os.path.getsize(theirs_pdf)

    tw, tc = timing(work, "ocrmypdf")
    ow, oc = timing(work, "export")
    print("%-44s %10s %8s %13s %9s" % ("", "CPU s/page", "wall s", "total bytes", "PDF pages"))
    print("%-44s %10.3f %8.1f %13s %9d" % ("img2pdf + ocrmypdf --output-type pdfa -j N", tc / n, tw,
                                           format(theirs_bytes, ","), n))
    print("%-44s %10.3f %8.1f %13s %9d" % ("scanstation export (analysis + PDF/A)", oc / n, ow,
                                           format(ours_bytes, ","), len(ours)))
    print("export vs ocrmypdf: CPU efficiency %.2fx, wall %.2fx, bytes %.2fx" % (tc / oc, tw / ow, ours_bytes / theirs_bytes))

    truth = {}
    if os.path.exists(truth_path):
        truth = {p["source"]: p for p in json.load(open(truth_path))["pages"]}
    wanted = found = 0
    upright_wanted = upright_found = 0
    nhs_pages = nhs_ours = nhs_theirs = 0
    worst = []
    for index, source in enumerate(pages):
        if source not in ours:
            continue  # a blank or separator page export leaves out
        theirs_text = page_text(theirs_pdf, index + 1)
        ours_text = page_text(*ours[source])
        theirs_words = dictionary_words(theirs_text, dictionary)
        ours_words = dictionary_words(ours_text, dictionary)
        page_wanted = sum(theirs_words.values())
        page_found = sum(min(c, ours_words[w]) for w, c in theirs_words.items())
        wanted += page_wanted
        found += page_found
        t = truth.get(source, {})
        if not t.get("rotation"):
            upright_wanted += page_wanted
            upright_found += page_found
            if page_wanted:
                worst.append((page_found / page_wanted, source, page_found, page_wanted))
        if t.get("labelled") and t.get("nhs_number"):
            nhs_pages += 1
            nhs_ours += t["nhs_number"] in "".join(ours_text.split())
            nhs_theirs += t["nhs_number"] in "".join(theirs_text.split())
    print("word recall (OCRmyPDF's dictionary words of 4+ letters found on the same page of ours): "
          "%.3f on pages scanned upright (%d/%d), %.3f on all (%d/%d)"
          % (upright_found / upright_wanted if upright_wanted else 1.0, upright_found, upright_wanted,
             found / wanted if wanted else 1.0, found, wanted))
    worst.sort()
    print("  lowest upright pages: " + ", ".join("%s %.2f (%d/%d)" % (s, r, f, w) for r, s, f, w in worst[:5]))
    if nhs_pages:
        print("NHS-number hits (pdftotext finds a labelled page's NHS number): ours %d/%d, ocrmypdf %d/%d"
              % (nhs_ours, nhs_pages, nhs_theirs, nhs_pages))


if __name__ == "__main__":
    main()
