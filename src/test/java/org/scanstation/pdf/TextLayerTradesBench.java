package org.scanstation.pdf;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scanstation.image.ImageOps;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.PageLoader;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageStatus;
import org.scanstation.ocr.OcrBinarizer;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.PageTextReader;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.PageAnalysis;

/**
 * Experiment behind ADR 0015 (not a test; run by {@code bench/text-layer-trades.sh}): reads every content page
 * of a batch (upright, as the analysis turned it) under several text-layer settings on one thread, and writes
 * per setting the text of each page and its CPU time, for {@code bench/trade-recall.py} to compare with OCRmyPDF.
 *
 * <p>Settings, parts joined by ':': {@code recipe} (the product's {@link PageTextReader}), {@code recipe:mask}
 * (the same, labels the analysis read left out, as labelled pages are read); or a scale ({@code 1.0},
 * {@code 0.5}, {@code 0.75}...) with {@code bin} (binarise low-contrast pages as the product does), {@code binall}
 * (binarise every page), {@code psm6} (one block instead of page layout), {@code var-NAME=VALUE} (a Tesseract
 * parameter); {@code lab} reads labelled pages only.
 */
public final class TextLayerTradesBench {

    private record Page(BufferedImage upright, int dpi, boolean bilevel, List<Rectangle> labelAreas) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: TextLayerTradesBench BATCH_DIR PATIENTS.csv OUT_DIR SETTING...");
            System.exit(2);
        }
        Path batch = Path.of(args[0]);
        Path out = Path.of(args[2]);
        Map<String, PageAnalysis> analysed = new LinkedHashMap<>();
        try (AnalysisEngine engine = AnalysisEngine.create(AnalysisSettings.defaults(), CsvPatientIndex.load(Path.of(args[1])))) {
            engine.analyse(org.scanstation.image.InputFiles.expand(List.of(batch)).files(), p -> analysed.put(p.id().name(), p));
        }
        Map<String, Page> pages = new LinkedHashMap<>();
        PageLoader loader = new PageLoader();
        for (Path f : org.scanstation.image.InputFiles.expand(List.of(batch)).files()) {
            loader.load(f, r -> {
                PageAnalysis a = r instanceof PageLoadResult.Loaded l ? analysed.get(l.id().name()) : null;
                if (a != null && a.document() != null && a.status() != PageStatus.BLANK && a.status() != PageStatus.SEPARATOR) {
                    var page = ((PageLoadResult.Loaded) r).page();
                    List<Rectangle> labels = a.labels().stream().filter(l -> l.region() != null)
                            .map(l -> LabelTextLayout.readArea(l, page.dpi())).toList();
                    pages.put(a.id().name(), new Page(ImageOps.render(page.image(), a.transforms()), page.dpi(), page.bilevel(), labels));
                }
            });
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int v = 3; v < args.length; v++) {
            String setting = args[v];
            List<String> parts = List.of(setting.split(":"));
            Map<String, String> vars = new HashMap<>();
            parts.stream().filter(p -> p.startsWith("var-")).forEach(p -> vars.put(p.substring(4).split("=")[0], p.split("=")[1]));
            TesseractOcrEngine.Layout layout = parts.contains("psm6") ? TesseractOcrEngine.Layout.BLOCK
                    : parts.contains("psm11") || parts.get(0).equals("analysis") ? TesseractOcrEngine.Layout.SPARSE
                    : TesseractOcrEngine.Layout.PAGE;
            Path dir = out.resolve(setting.replace(':', '_'));
            Files.createDirectories(dir);
            long total = 0;
            int read = 0;
            try (TesseractOcrEngine engine = new TesseractOcrEngine(TesseractOcrEngine.createDefault(layout).tessdata(), "eng",
                    layout, vars);
                 PrintWriter times = new PrintWriter(Files.newBufferedWriter(dir.resolve("times.tsv")))) {
                engine.recognise(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), null);
                for (Map.Entry<String, Page> e : pages.entrySet()) {
                    Page page = e.getValue();
                    if (parts.contains("lab") && page.labelAreas().isEmpty()) {
                        continue;
                    }
                    long t0 = cpu.getCurrentThreadCpuTime();
                    OcrText text = read(engine, page, parts);
                    long spent = cpu.getCurrentThreadCpuTime() - t0;
                    total += spent;
                    read++;
                    times.printf("%s\t%d%n", e.getKey(), spent / 1_000_000);
                    Files.writeString(dir.resolve(e.getKey() + ".txt"), text.text());
                }
            }
            System.out.printf("%-40s %3d pages, %.3f s CPU/page%n", setting, read, total / 1e9 / Math.max(1, read));
        }
    }

    private static OcrText read(OcrEngine engine, Page page, List<String> parts) throws Exception {
        if (parts.get(0).equals("analysis")) {
            // the analysis' page text (PageIdentifier): sparse text of the page smoothed and thresholded
            int factor = PageTextReader.downscaleFactor(page.dpi());
            BufferedImage in = ImageOps.downscale(ImageOps.toGrey(page.upright()), factor);
            if (parts.contains("mask")) {
                BufferedImage copy = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                java.awt.Graphics2D g = copy.createGraphics();
                g.drawImage(in, 0, 0, null);
                g.setColor(java.awt.Color.WHITE);
                for (Rectangle r : page.labelAreas()) {
                    g.fillRect(r.x / factor, r.y / factor, r.width / factor + 1, r.height / factor + 1);
                }
                g.dispose();
                in = copy;
            }
            return PageTextReader.scaledUp(engine.recognise(
                    org.scanstation.ocr.PageTextImage.forOcr(in, page.bilevel()), null), factor);
        }
        if (parts.get(0).equals("recipe")) {
            return PageTextReader.read(engine, page.upright(), page.dpi(), parts.contains("mask") ? page.labelAreas() : List.of());
        }
        double scale = Double.parseDouble(parts.get(0));
        BufferedImage in = scale == 1.0 ? ImageOps.toGrey(page.upright()) : AreaAverage.scale(page.upright(), scale);
        if (parts.contains("binall")) {
            in = binarize(in);
        } else if (parts.contains("bin")) {
            in = OcrBinarizer.prepare(in);
        }
        OcrText text = engine.recognise(in, null);
        return Objects.requireNonNull(text);
    }

    /** OcrBinarizer's paper-relative threshold applied to every page, whatever Otsu would do. */
    private static BufferedImage binarize(BufferedImage img) throws ReflectiveOperationException {
        var m = OcrBinarizer.class.getDeclaredMethod("binarize", BufferedImage.class);
        m.setAccessible(true);
        return (BufferedImage) m.invoke(null, img);
    }

    /** Area-average downscaling by a factor in (0, 1]. */
    static final class AreaAverage {
        static BufferedImage scale(BufferedImage src, double s) {
            BufferedImage grey = ImageOps.toGrey(src);
            int w = grey.getWidth();
            int h = grey.getHeight();
            int nw = Math.max(1, (int) Math.round(w * s));
            int nh = Math.max(1, (int) Math.round(h * s));
            double fx = (double) w / nw;
            double fy = (double) h / nh;
            float[] rows = new float[nw * h];
            int[] line = new int[w];
            for (int y = 0; y < h; y++) {
                grey.getRaster().getSamples(0, y, w, 1, 0, line);
                for (int ox = 0; ox < nw; ox++) {
                    double a = ox * fx;
                    double b = a + fx;
                    double sum = 0;
                    for (int x = (int) a; x < Math.min(w, (int) Math.ceil(b)); x++) {
                        sum += (Math.min(b, x + 1) - Math.max(a, x)) * line[x];
                    }
                    rows[y * nw + ox] = (float) (sum / fx);
                }
            }
            BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
            int[] o = new int[nw];
            for (int oy = 0; oy < nh; oy++) {
                double a = oy * fy;
                double b = a + fy;
                for (int ox = 0; ox < nw; ox++) {
                    double sum = 0;
                    for (int y = (int) a; y < Math.min(h, (int) Math.ceil(b)); y++) {
                        sum += (Math.min(b, y + 1) - Math.max(a, y)) * rows[y * nw + ox];
                    }
                    o[ox] = (int) Math.round(sum / fy);
                }
                out.getRaster().setSamples(0, oy, nw, 1, 0, o);
            }
            return out;
        }
    }
}
