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
        PAYLOADS.put(BarcodeFormat.DATA_MATRIX, List.of("NHS:9434765919|MRN:K1234567|KING^WILLIAM"));
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

    public static void main(String[] args) {
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
                for (Map.Entry<String, UnaryOperator<BufferedImage>> cond : conditions().entrySet()) {
                    BufferedImage page = SyntheticPages.blankPage();
                    int x = 150 + rnd.nextInt(900);
                    int y = 150 + rnd.nextInt(2600);
                    SyntheticPages.drawLabel(page, x, y, "KING, William", e.getKey(), payload);
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
