package org.scanstation.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether a page shows ink, decided without any of the station's own code: the page is rendered by
 * poppler's {@code pdftoppm} (PDF) or decoded by ImageMagick (every image format) at 150 dpi grey, and
 * its inner part (the outer 8% left out: scanner edges, punch holes) is searched for marks clearly
 * darker than the paper. Show-through and specks are not ink; a line of text, a stroke or a box is.
 */
final class IndependentInk {

    /** What was seen on a page. */
    record Seen(int marks, int largest, int paper) {
        boolean ink() {
            // measured at 150 dpi: blank scans with specks and show-through up to 25 marks of 28 pixels,
            // pages of text from 296 marks (../shared/corpus public-01 and public-02)
            return marks >= 40 || largest >= 120;
        }

        @Override
        public String toString() {
            return marks + " marks, the largest " + largest + " pixels, paper " + paper;
        }
    }

    private IndependentInk() {
    }

    /** @param page 1-based page of a multi-page file */
    static Seen of(Path file, int page, Path work) throws IOException, InterruptedException {
        Path out = work.resolve("ink-" + Math.abs((file.toString() + page).hashCode()) + ".pgm");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pdf = name.endsWith(".pdf") || startsWithPdf(file);
        if (pdf) {
            String base = out.toString().substring(0, out.toString().length() - 4);
            run("pdftoppm", "-r", "150", "-gray", "-f", Integer.toString(page), "-l", Integer.toString(page),
                    "-singlefile", file.toString(), base);
        } else {
            run("convert", file + "[" + (page - 1) + "]", "-background", "white", "-alpha", "remove", "-alpha", "off",
                    "-colorspace", "Gray", "-scale", "1754x1754", "-depth", "8", "pgm:" + out);
        }
        return measure(Files.readAllBytes(out));
    }

    private static boolean startsWithPdf(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1024), java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-");
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] text = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(text));
        }
    }

    /** Marks darker than the paper by 60 grey levels, 8-connected, of 3 pixels or more, inside the margins. */
    static Seen measure(byte[] pgm) throws IOException {
        int[] pos = {0};
        if (!next(pgm, pos).equals("P5")) {
            throw new IOException("not a binary PGM");
        }
        int w = Integer.parseInt(next(pgm, pos));
        int h = Integer.parseInt(next(pgm, pos));
        int max = Integer.parseInt(next(pgm, pos));
        int at = pos[0] + 1;
        int[] g = new int[w * h];
        for (int i = 0; i < g.length; i++) {
            g[i] = max > 255 ? ((pgm[at + 2 * i] & 0xff) << 8 | (pgm[at + 2 * i + 1] & 0xff)) * 255 / max
                    : (pgm[at + i] & 0xff) * 255 / max;
        }
        int x0 = w * 8 / 100;
        int x1 = w - x0;
        int y0 = h * 8 / 100;
        int y1 = h - y0;
        int[] histogram = new int[256];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                histogram[g[y * w + x]]++;
            }
        }
        int paper = percentile(histogram, 0.9);
        int dark = paper - 60;
        boolean[] seen = new boolean[w * h];
        int marks = 0;
        int largest = 0;
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * w + x;
                if (seen[i] || g[i] > dark) {
                    continue;
                }
                int size = 0;
                stack.push(i);
                seen[i] = true;
                while (!stack.isEmpty()) {
                    int j = stack.pop();
                    size++;
                    int jx = j % w;
                    int jy = j / w;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = jx + dx;
                            int ny = jy + dy;
                            if (nx >= x0 && nx < x1 && ny >= y0 && ny < y1) {
                                int k = ny * w + nx;
                                if (!seen[k] && g[k] <= dark) {
                                    seen[k] = true;
                                    stack.push(k);
                                }
                            }
                        }
                    }
                }
                if (size >= 3) {
                    marks++;
                    largest = Math.max(largest, size);
                }
            }
        }
        return new Seen(marks, largest, paper);
    }

    private static int percentile(int[] histogram, double q) {
        long total = 0;
        for (int c : histogram) {
            total += c;
        }
        long acc = 0;
        for (int v = 0; v < 256; v++) {
            acc += histogram[v];
            if (acc >= total * q) {
                return v;
            }
        }
        return 255;
    }

    private static String next(byte[] b, int[] pos) {
        int i = pos[0];
        while (i < b.length && (Character.isWhitespace(b[i]) || b[i] == '#')) {
            if (b[i] == '#') {
                while (i < b.length && b[i] != '\n') {
                    i++;
                }
            }
            i++;
        }
        int start = i;
        while (i < b.length && !Character.isWhitespace(b[i])) {
            i++;
        }
        pos[0] = i;
        return new String(b, start, i - start, java.nio.charset.StandardCharsets.US_ASCII);
    }

}
