#!/usr/bin/env python3
"""Where the CPU of a `scanstation export` goes, per stage, from a Java Flight Recorder recording.

usage: jfr-stages.py RECORDING.jfr

Each execution sample (Java code, every 10 ms of a running thread) and native-method sample (Tesseract, JPEG
and other native code, every 20 ms) is put in the first stage whose methods are on its stack. Shares are of all
samples of the application's threads; the JIT compiler and GC threads are not sampled by JFR (measure them
with the per-thread CPU times, see bench/README.md). Samples of a thread waiting in native code (e.g. reading
a file) count as that stage's time, so I/O-heavy stages are over-stated a little.
"""
import collections
import json
import subprocess
import sys

# (methods that must all be on the stack, stage); the first match wins, so the most specific come first
STAGES = [
    (("PdfPagePreparer", "PageTextReader"), "text layer: reading each page (labels left out)"),
    (("PdfPagePreparer", "LabelTextLayout"), "text layer: laying out the labels' text"),
    (("PdfPagePreparer", "ImageOps.render"), "PDF: turning colour pages"),
    (("PdfPagePreparer", "SourceJpegQuality"), "PDF: reading the scan's JPEG quality"),
    (("PdfPagePreparer", "PdfaDocumentWriter.encode"), "PDF: compressing page images (JPEG/G4)"),
    (("TextLayerOcr",), "text layer: full-page OCR (export pool)"),
    (("PageImageEncoder",), "PDF: compressing page images (JPEG/G4)"),
    (("FilePageImageSource",), "export: decoding pages again"),
    (("DocumentExporter", "ImageOps.render"), "export: turning/deskewing pages again"),
    (("PageTextLook", "PageTextReader"), "page text outside labels, laid out (the text layer's reading)"),
    (("PageTextLook", "InkOutsideWords"), "page text: finding ink the reading left unaccounted for"),
    (("PageTextLook",), "page text: sparse looks at unaccounted ink"),
    (("PageIdentifier.addPageText",), "analysis: page text for identifiers (sparse OCR)"),
    (("PageIdentifier.reread",), "analysis: labels read again, harder (ADR 0013)"),
    (("PageIdentifier.unreadIdentity",), "analysis: label places on a quarter-turned page"),
    (("TesseractLabelReader",), "analysis: label OCR"),
    (("ZxingBarcodeReader",), "analysis: barcodes"),
    (("OrientationDetector",), "analysis: orientation"),
    (("SkewDetector",), "analysis: skew"),
    (("BlankPageDetector",), "analysis: blank check"),
    (("StandardPageAnalyzer", "rotateSmall"), "analysis: straightening (deskew)"),
    (("StandardPageAnalyzer",), "analysis: other"),
    (("PageLoader",), "decoding scans"),
    (("AtomicFileWriter",), "PDF: assembling and saving files"),
    (("PdfaDocumentWriter",), "PDF: assembling and saving files"),
    (("ExportManifest",), "PDF: assembling and saving files"),
    (("AnalysisEngine.create",), "engine set-up"),
    (("TesseractOcrEngine.handle",), "engine set-up"),
]


def main():
    recording = sys.argv[1]
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events",
                          "jdk.ExecutionSample,jdk.NativeMethodSample", recording],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(raw)["recording"]["events"]
    ms = collections.Counter()
    for e in events:
        weight = 20 if e["type"] == "jdk.NativeMethodSample" else 10
        stack = e["values"].get("stackTrace") or {}
        names = [f["method"]["type"]["name"].split("/")[-1] + "." + f["method"]["name"] for f in stack.get("frames", [])]
        if names and names[0] in ("Object.wait", "Unsafe.park", "Thread.sleep", "EPoll.wait"):
            continue
        stage = "other (start-up, class loading, logging)"
        for needles, name in STAGES:
            if all(any(n in frame for frame in names) for n in needles):
                stage = name
                break
        ms[stage] += weight
    total = sum(ms.values())
    print("%-56s %9s %7s" % ("stage", "samples s", "share"))
    for stage, v in ms.most_common():
        print("%-56s %9.1f %6.1f%%" % (stage, v / 1000, 100.0 * v / total))


if __name__ == "__main__":
    main()
