package org.scanstation.pdf;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scanstation.image.ImageOps;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.PageLoader;
import org.scanstation.image.ScannedPage;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageStatus;
import org.scanstation.ocr.OcrBinarizer;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.PageAnalysis;

/**
 * Experiment (not a test): the text-layer OCR of every content page of a batch under several settings, one
 * thread, CPU time per page and the text written per variant, for comparing recall against OCRmyPDF.
 * Variants: {@code SCALE[:noinv][:bin][:psmN]}.
 */
public final class TextLayerTradesBench {

    public static void main(String[] args) throws Exception {
        Path batch = Path.of(args[0]);
        Path patients = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Map<String, PageAnalysis> analysed = new LinkedHashMap<>();
        try (AnalysisEngine engine = AnalysisEngine.create(AnalysisSettings.defaults(), CsvPatientIndex.load(patients))) {
            engine.analyse(PageLoader.expandInputs(List.of(batch)), p -> analysed.put(p.id().name(), p));
        }
        Map<String, BufferedImage> upright = new LinkedHashMap<>();
        Map<String, Integer> dpis = new HashMap<>();
        PageLoader loader = new PageLoader();
        for (Path f : PageLoader.expandInputs(List.of(batch))) {
            loader.load(f, r -> {
                if (r instanceof PageLoadResult.Loaded l) {
                    PageAnalysis a = analysed.get(l.id().name());
                    if (a != null && a.document() != null && a.status() != PageStatus.BLANK && a.status() != PageStatus.SEPARATOR) {
                        ScannedPage page = l.page();
                        upright.put(l.id().name(), ImageOps.render(page.image(), a.transforms()));
                        dpis.put(l.id().name(), page.dpi());
                    }
                }
            });
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int v = 3; v < args.length; v++) {
            String variant = args[v];
            double scale = 1;
            boolean invert = true;
            boolean binarize = false;
            boolean mask = false;
            boolean binAll = false;
            boolean labelledOnly = false;
            int psm = 3;
            for (String part : variant.split(":")) {
                if (part.startsWith("var-")) {
                    continue;
                } else if (part.equals("binall")) {
                    binarize = true;
                    binAll = true;
                } else if (part.equals("mask")) {
                    mask = true;
                } else if (part.equals("lab")) {
                    labelledOnly = true;
                } else if (part.equals("noinv")) {
                    invert = false;
                } else if (part.equals("bin")) {
                    binarize = true;
                } else if (part.startsWith("psm")) {
                    psm = Integer.parseInt(part.substring(3));
                } else if (part.startsWith("dpi")) {
                    scale = -Double.parseDouble(part.substring(3));
                } else {
                    scale = Double.parseDouble(part);
                }
            }
            Map<String, String> vars = new HashMap<>();
            for (String part : variant.split(":")) {
                if (part.startsWith("var-")) {
                    String[] kv = part.substring(4).split("=");
                    vars.put(kv[0], kv[1]);
                }
            }
            if (!invert) {
                vars.put("tessedit_do_invert", "0");
            }
            TesseractOcrEngine.Layout layout = psm == 3 ? TesseractOcrEngine.Layout.PAGE
                    : psm == 6 ? TesseractOcrEngine.Layout.BLOCK : TesseractOcrEngine.Layout.SPARSE;
            Path dir = out.resolve(variant.replace(':', '_'));
            Files.createDirectories(dir);
            long total = 0;
            try (TesseractOcrEngine engine = new TesseractOcrEngine(TesseractOcrEngine.createDefault(layout).tessdata(),
                    "eng", layout, vars);
                 PrintWriter times = new PrintWriter(Files.newBufferedWriter(dir.resolve("times.tsv")))) {
                engine.recognise(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), null);
                for (Map.Entry<String, BufferedImage> e : upright.entrySet()) {
                    List<java.awt.Rectangle> regions = analysed.get(e.getKey()).labels().stream()
                            .map(l -> l.region()).filter(java.util.Objects::nonNull).toList();
                    if (labelledOnly && regions.isEmpty()) {
                        continue;
                    }
                    long t0 = mx.getCurrentThreadCpuTime();
                    BufferedImage img = e.getValue();
                    if (mask && !regions.isEmpty()) {
                        BufferedImage copy = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                        java.awt.Graphics2D g = copy.createGraphics();
                        g.drawImage(img, 0, 0, null);
                        g.setColor(java.awt.Color.WHITE);
                        int mm = (int) Math.round(dpis.get(e.getKey()) / 25.4);
                        for (java.awt.Rectangle r : regions) {
                            g.fillRect(r.x - mm, r.y - mm, r.width + 2 * mm, r.height + 2 * mm);
                        }
                        g.dispose();
                        img = copy;
                    }
                    double s = scale > 0 ? scale : Math.min(1.0, -scale / dpis.get(e.getKey()));
                    BufferedImage in = s == 1.0 ? img : OcrScaler.scale(img, s);
                    if (binAll) {
                        in = OcrBinarizerAccess.binarize(in);
                    } else if (binarize) {
                        in = OcrBinarizer.prepare(in);
                    }
                    OcrText text = engine.recognise(in, null);
                    long cpu = mx.getCurrentThreadCpuTime() - t0;
                    total += cpu;
                    times.printf("%s\t%d\t%.3f%n", e.getKey(), cpu / 1_000_000, s);
                    Files.writeString(dir.resolve(e.getKey() + ".txt"), text.text());
                }
            }
            System.out.printf("%-20s %d pages, %.3f s CPU/page%n", variant, upright.size(), total / 1e9 / upright.size());
        }
    }

    /** OcrBinarizer's paper-relative threshold, for every page. */
    static final class OcrBinarizerAccess {
        static BufferedImage binarize(BufferedImage img) {
            try {
                var m = OcrBinarizer.class.getDeclaredMethod("binarize", BufferedImage.class);
                m.setAccessible(true);
                return (BufferedImage) m.invoke(null, img);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Area-average downscaling by a factor in (0, 1]. */
    static final class OcrScaler {
        static BufferedImage scale(BufferedImage src, double s) {
            BufferedImage grey = PageImageEncoder.toGrey(src);
            int w = grey.getWidth();
            int h = grey.getHeight();
            int nw = Math.max(1, (int) Math.round(w * s));
            int nh = Math.max(1, (int) Math.round(h * s));
            double fx = (double) w / nw;
            double fy = (double) h / nh;
            var in = grey.getRaster();
            float[] rows = new float[nw * h];
            int[] line = new int[w];
            for (int y = 0; y < h; y++) {
                in.getSamples(0, y, w, 1, 0, line);
                for (int ox = 0; ox < nw; ox++) {
                    double a = ox * fx;
                    double b = a + fx;
                    double sum = 0;
                    for (int x = (int) a; x < Math.min(w, (int) Math.ceil(b)); x++) {
                        double cover = Math.min(b, x + 1) - Math.max(a, x);
                        sum += cover * line[x];
                    }
                    rows[y * nw + ox] = (float) (sum / fx);
                }
            }
            BufferedImage outImg = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
            var outR = outImg.getRaster();
            int[] o = new int[nw];
            for (int oy = 0; oy < nh; oy++) {
                double a = oy * fy;
                double b = a + fy;
                for (int ox = 0; ox < nw; ox++) {
                    double sum = 0;
                    for (int y = (int) a; y < Math.min(h, (int) Math.ceil(b)); y++) {
                        double cover = Math.min(b, y + 1) - Math.max(a, y);
                        sum += cover * rows[y * nw + ox];
                    }
                    o[ox] = (int) Math.round(sum / fy);
                }
                outR.setSamples(0, oy, nw, 1, 0, o);
            }
            return outImg;
        }
    }
}
