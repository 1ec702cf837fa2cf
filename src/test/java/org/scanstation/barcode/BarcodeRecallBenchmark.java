package org.scanstation.barcode;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Not a unit test: measures recall, misreads and CPU time per page of {@link ZxingBarcodeReader}
 * over synthetic label pages (every symbology x every degradation). Run with
 * {@code java -cp target/classes:target/test-classes:... org.scanstation.barcode.BarcodeRecallBenchmark}.
 */
public final class BarcodeRecallBenchmark {

    static final Map<BarcodeFormat, List<String>> PAYLOADS = new LinkedHashMap<>();

    static {
        PAYLOADS.put(BarcodeFormat.CODE_128, List.of("9434765919", "K1234567", "SEPARATOR"));
        PAYLOADS.put(BarcodeFormat.CODE_39, List.of("K1234567", "9434765919"));
        PAYLOADS.put(BarcodeFormat.ITF, List.of("9434765919", "94347659190012"));
        PAYLOADS.put(BarcodeFormat.DATA_MATRIX, List.of("NHS:9434765919|MRN:K1234567|KING^WILLIAM", "K1234567"));
        PAYLOADS.put(BarcodeFormat.QR_CODE, List.of("NHS:9434765919;DOB:1961-03-01"));
        PAYLOADS.put(BarcodeFormat.PDF_417, List.of("9434765919|K1234567|KING, WILLIAM|1961-03-01"));
    }

    static Map<String, UnaryOperator<BufferedImage>> conditions() {
        Map<String, UnaryOperator<BufferedImage>> c = new LinkedHashMap<>();
        c.put("clean", p -> p);
        c.put("rot90", p -> SyntheticPages.rotate(p, 90));
        c.put("rot180", p -> SyntheticPages.rotate(p, 180));
        c.put("rot270", p -> SyntheticPages.rotate(p, 270));
        c.put("skew+3.5", p -> SyntheticPages.skew(p, 3.5));
        c.put("skew-4", p -> SyntheticPages.skew(p, -4));
        c.put("noise", p -> SyntheticPages.noise(p, 18, 0.01, 3));
        c.put("lowcontrast", p -> SyntheticPages.lowContrast(p, 120, 215));
        c.put("200dpi", p -> SyntheticPages.scale(p, 2.0 / 3));
        c.put("all", p -> SyntheticPages.noise(SyntheticPages.lowContrast(
                SyntheticPages.scale(SyntheticPages.skew(SyntheticPages.rotate(p, 90), 3), 2.0 / 3), 110, 210),
                12, 0.005, 5));
        return c;
    }

    /** Harsher than the unit tests: for the report, not asserted. */
    static Map<String, UnaryOperator<BufferedImage>> hardConditions() {
        Map<String, UnaryOperator<BufferedImage>> c = new LinkedHashMap<>();
        c.put("noise-heavy", p -> SyntheticPages.noise(p, 30, 0.03, 8));
        c.put("blur", p -> SyntheticPages.blur(SyntheticPages.blur(p)));
        c.put("contrast-60", p -> SyntheticPages.lowContrast(p, 150, 210));
        c.put("200dpi+noise+skew5", p -> SyntheticPages.noise(SyntheticPages.scale(
                SyntheticPages.skew(p, -5), 2.0 / 3), 20, 0.01, 6));
        c.put("rot270+skew4+contrast", p -> SyntheticPages.lowContrast(
                SyntheticPages.skew(SyntheticPages.rotate(p, 270), 4), 130, 205));
        return c;
    }

    private static boolean smallModules;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("small")) {
            // fine print: 0.25 mm bars, 0.42 mm 2D modules, then scanned at 200 dpi with noise
            smallModules = true;
            Map<String, UnaryOperator<BufferedImage>> c = new LinkedHashMap<>();
            c.put("small-300dpi", p -> p);
            c.put("small-200dpi-noise", p -> SyntheticPages.noise(SyntheticPages.scale(p, 2.0 / 3), 12, 0.005, 2));
            c.put("small-skew3-rot90", p -> SyntheticPages.skew(SyntheticPages.rotate(p, 90), 3));
            run(c);
            return;
        }
        if (args.length > 0 && args[0].equals("damage")) {
            // scratches and blots across the symbol: a correct read or nothing, never a wrong value
            Map<String, UnaryOperator<BufferedImage>> c = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                long seed = i;
                c.put("damage" + i, p -> damage(p, seed));
            }
            run(c);
            return;
        }
        if (args.length > 0 && args[0].equals("angles")) {
            // labels stuck on crooked: beyond page skew
            Map<String, UnaryOperator<BufferedImage>> c = new LinkedHashMap<>();
            for (double a : new double[] {6, -8, 10, -12, 15, 20, -30, 45}) {
                c.put("angle" + a, p -> SyntheticPages.skew(p, a));
            }
            run(c);
            return;
        }
        if (args.length > 0 && args[0].equals("hard")) {
            run(hardConditions());
            return;
        }
        run(conditions());
    }

    /** White scratches and black blots over the label area (labels are drawn inside 150..2100 x 150..3200). */
    static BufferedImage damage(BufferedImage page, long seed) {
        BufferedImage out = SyntheticPages.copy(page);
        java.awt.Graphics2D g = out.createGraphics();
        Random r = new Random(seed);
        for (int i = 0; i < 40; i++) {
            g.setColor(r.nextBoolean() ? java.awt.Color.WHITE : java.awt.Color.BLACK);
            int x = 150 + r.nextInt(2000);
            int y = 150 + r.nextInt(3050);
            if (r.nextBoolean()) {
                g.fillRect(x, y, 2 + r.nextInt(6), 40 + r.nextInt(300));
            } else {
                g.fillOval(x, y, 5 + r.nextInt(25), 5 + r.nextInt(25));
            }
        }
        g.dispose();
        return SyntheticPages.noise(out, 10, 0.01, seed);
    }

    static void run(Map<String, UnaryOperator<BufferedImage>> conditions) {
        ZxingBarcodeReader reader = new ZxingBarcodeReader();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Random rnd = new Random(11);
        long cpu = 0;
        int pages = 0;
        for (Map.Entry<BarcodeFormat, List<String>> e : PAYLOADS.entrySet()) {
            int ok = 0;
            int total = 0;
            int wrong = 0;
            StringBuilder misses = new StringBuilder();
            for (String payload : e.getValue()) {
                for (Map.Entry<String, UnaryOperator<BufferedImage>> cond : conditions.entrySet()) {
                    BufferedImage page = SyntheticPages.blankPage();
                    int x = 150 + rnd.nextInt(900);
                    int y = 150 + rnd.nextInt(2600);
                    int module = smallModules ? (e.getKey() == BarcodeFormat.DATA_MATRIX
                            || e.getKey() == BarcodeFormat.QR_CODE ? 5 : 3) : SyntheticPages.moduleFor(e.getKey());
                    SyntheticPages.drawLabel(page, x, y, "KING, William", e.getKey(), payload, module);
                    BufferedImage scanned = cond.getValue().apply(page);
                    long t0 = mx.getCurrentThreadCpuTime();
                    List<Barcode> found = reader.read(scanned);
                    cpu += mx.getCurrentThreadCpuTime() - t0;
                    pages++;
                    total++;
                    boolean hit = false;
                    for (Barcode b : found) {
                        if (b.text().equals(payload) && b.format().equals(e.getKey().name())) {
                            hit = true;
                        } else {
                            wrong++;
                            misses.append(" WRONG[").append(b).append(']');
                        }
                    }
                    if (hit) {
                        ok++;
                    } else {
                        misses.append(' ').append(cond.getKey()).append('/').append(payload);
                    }
                }
            }
            System.out.printf("%-12s recall %d/%d misreads %d%s%n", e.getKey(), ok, total, wrong, misses);
        }
        System.out.printf("mean CPU per page %.0f ms over %d pages%n", cpu / 1e6 / pages, pages);
    }
}
