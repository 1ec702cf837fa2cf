package org.scanstation.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds label-sized rectangles drawn with thin lines, however faint: a row (column) of pixels that is,
 * smoothed along its own direction, clearly darker than the rows a little above and below (left and
 * right) belongs to a line. Long straight runs become line segments; two horizontal segments joined at
 * both ends by vertical ones make a box. Works on a {@link WorkImage}; results in work coordinates.
 */
final class RuledBoxFinder {

    /** Label size limits in millimetres. */
    static final double MIN_WIDTH_MM = 35;
    static final double MAX_WIDTH_MM = 140;
    static final double MIN_HEIGHT_MM = 12;
    static final double MAX_HEIGHT_MM = 75;

    private static final int CONTRAST = 12;

    /**
     * A straight line segment: along = its row (horizontal) or column (vertical); from..to its extent;
     * covered = how much of the extent its pieces cover.
     */
    record Segment(int along, int from, int to, int lo, int hi, double slope, int covered) {
        int length() {
            return to - from;
        }

        /** Share of the extent the pieces cover: a ruled line nearly all of it, a column of text only its lines. */
        double coverage() {
            return length() <= 0 ? 1 : Math.min(1, covered / (double) length());
        }
    }

    /**
     * A box side must be drawn over this share of its length: a column of aligned letters in a paragraph
     * breaks at every gap between its lines, a ruled line (even a faint or broken one) hardly ever.
     */
    static final double MIN_SIDE_COVERAGE = 0.8;

    /** A box found: its bounds (work pixels) and how far it is turned, degrees (clockwise positive). */
    record Box(Rectangle bounds, double angle) {
    }

    private final WorkImage img;

    RuledBoxFinder(WorkImage img) {
        this.img = img;
    }

    List<Box> find() {
        List<Segment> horizontal = merge(segments(true));
        List<Segment> vertical = merge(segments(false));
        List<Box> boxes = new ArrayList<>();
        int minW = img.mm(MIN_WIDTH_MM);
        int maxW = img.mm(MAX_WIDTH_MM);
        int minH = img.mm(MIN_HEIGHT_MM);
        int maxH = img.mm(MAX_HEIGHT_MM);
        int tol = img.mm(3.5);
        for (Segment top : horizontal) {
            if (top.length() < minW || top.length() > maxW + tol) {
                continue;
            }
            for (Segment bottom : horizontal) {
                int h = bottom.along() - top.along();
                if (h < minH || h > maxH || bottom.length() < minW) {
                    continue;
                }
                if (Math.abs(bottom.from() - top.from()) > tol || Math.abs(bottom.to() - top.to()) > tol) {
                    continue;
                }
                int left = Math.min(top.from(), bottom.from());
                int right = Math.max(top.to(), bottom.to());
                if (hasSide(vertical, left, top.along(), bottom.along(), tol)
                        && hasSide(vertical, right, top.along(), bottom.along(), tol)) {
                    int y0 = top.lo();
                    int y1 = bottom.hi() + 1;
                    double angle = Math.toDegrees(Math.atan((top.slope() + bottom.slope()) / 2));
                    boxes.add(new Box(new Rectangle(left, y0, right - left + 1, y1 - y0), angle));
                }
            }
        }
        return outermost(boxes);
    }

    /** A vertical segment near column x covering most of y0..y1, drawn as a line (not a column of text). */
    private static boolean hasSide(List<Segment> vertical, int x, int y0, int y1, int tol) {
        int need = (int) ((y1 - y0) * 0.6);
        for (Segment v : vertical) {
            if (Math.abs(v.along() - x) <= tol && v.coverage() >= MIN_SIDE_COVERAGE) {
                int covered = Math.min(v.to(), y1 + tol) - Math.max(v.from(), y0 - tol);
                if (covered >= need) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Boxes not inside another box (a label's inner rules do not make a second label). */
    private static List<Box> outermost(List<Box> boxes) {
        boxes.sort(Comparator.comparingInt((Box r) -> r.bounds().width * r.bounds().height).reversed());
        List<Box> kept = new ArrayList<>();
        for (Box b : boxes) {
            boolean inside = false;
            for (Box kb : kept) {
                Rectangle k = kb.bounds();
                Rectangle grown = new Rectangle(k.x - 3, k.y - 3, k.width + 6, k.height + 6);
                if (grown.contains(b.bounds())) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                kept.add(b);
            }
        }
        return kept;
    }

    /** Runs of line pixels along every row (horizontal) or column (vertical). */
    private List<Segment> segments(boolean horizontal) {
        return horizontal ? rowSegments() : columnSegments();
    }

    /**
     * The runs of line pixels along every row, as {@link #lineByLine} finds them, with the smoothed rows kept
     * in a ring of the {@code 2 off + 1} rows a comparison needs (no row smoothed twice, none kept longer).
     */
    List<Segment> rowSegments() {
        int w = img.width;
        int h = img.height;
        int half = Math.max(2, img.mm(1.5) / 2);
        int off = Math.max(2, img.mm(0.5));
        int maxGap = img.mm(0.8);
        int minRun = img.mm(2);
        int ringSize = 2 * off + 1;
        int[][] ring = new int[Math.min(ringSize, h)][w];
        List<Segment> out = new ArrayList<>();
        int smoothedUpTo = -1;
        for (int line = off; line < h - off; line++) {
            while (smoothedUpTo < line + off) {
                smoothedUpTo++;
                boxMeans(img.grey, smoothedUpTo * w, w, half, ring[smoothedUpTo % ringSize]);
            }
            followRowRuns(ring[line % ringSize], ring[(line - off) % ringSize], ring[(line + off) % ringSize], line,
                    maxGap, minRun, out);
        }
        return out;
    }

    /** The runs of line pixels along one row: darker than the rows {@code off} above and below. */
    private static void followRowRuns(int[] mid, int[] before, int[] after, int line, int maxGap, int minRun,
                                      List<Segment> out) {
        int runStart = -1;
        int lastHit = -1;
        for (int i = 0; i < mid.length; i++) {
            int m = mid[i] + CONTRAST;
            if (m < before[i] && m < after[i]) {
                if (runStart < 0 || i - lastHit > maxGap) {
                    if (runStart >= 0 && lastHit - runStart >= minRun) {
                        out.add(new Segment(line, runStart, lastHit, line, line, 0, lastHit - runStart));
                    }
                    runStart = i;
                }
                lastHit = i;
            }
        }
        if (runStart >= 0 && lastHit - runStart >= minRun) {
            out.add(new Segment(line, runStart, lastHit, line, line, 0, lastHit - runStart));
        }
    }

    /**
     * Runs along each row (horizontal) or down each column, one line at a time: the reference that
     * {@link #rowSegments} and {@link #columnSegments} are tested against.
     */
    List<Segment> lineByLine(boolean horizontal) {
        int w = img.width;
        int h = img.height;
        int lines = horizontal ? h : w;
        int length = horizontal ? w : h;
        int half = Math.max(2, img.mm(1.5) / 2);
        int off = Math.max(2, img.mm(0.5));
        int maxGap = img.mm(0.8);
        int minRun = img.mm(2);
        List<Segment> out = new ArrayList<>();
        for (int line = off; line < lines - off; line++) {
            int[] mid = smoothed(line, horizontal, half);
            int[] before = smoothed(line - off, horizontal, half);
            int[] after = smoothed(line + off, horizontal, half);
            int runStart = -1;
            int lastHit = -1;
            for (int i = 0; i < length; i++) {
                boolean hit = mid[i] + CONTRAST < before[i] && mid[i] + CONTRAST < after[i];
                if (hit) {
                    if (runStart < 0 || i - lastHit > maxGap) {
                        if (runStart >= 0 && lastHit - runStart >= minRun) {
                            out.add(new Segment(line, runStart, lastHit, line, line, 0, lastHit - runStart));
                        }
                        runStart = i;
                    }
                    lastHit = i;
                }
            }
            if (runStart >= 0 && lastHit - runStart >= minRun) {
                out.add(new Segment(line, runStart, lastHit, line, line, 0, lastHit - runStart));
            }
        }
        return out;
    }

    private final Map<Long, int[]> cache = new HashMap<>();
    /**
     * The runs of line pixels down every column, as {@link #segments} finds them along rows, worked out a row at a
     * time (walking a column of the page touches a cache line per pixel): each column box-smoothed down itself
     * by a running sum per column, then every column's run followed as the rows go by. The same segments, in
     * the same order (column, then start), as reading each column on its own.
     */
    List<Segment> columnSegments() {
        int w = img.width;
        int h = img.height;
        int half = Math.max(2, img.mm(1.5) / 2);
        int off = Math.max(2, img.mm(0.5));
        int maxGap = img.mm(0.8);
        int minRun = img.mm(2);
        byte[] grey = img.grey;
        int[] sums = new int[w];
        int[] means = new int[w]; // this row's column means: 0..255
        int full = 2 * half + 1;
        long reciprocal = ((1L << 32) + full - 1) / full;
        int count = 0;
        for (int y = 0; y < Math.min(half, h); y++) {
            addRow(sums, grey, y * w, w, 1);
            count++;
        }
        int[] runStart = new int[w];
        int[] lastHit = new int[w];
        java.util.Arrays.fill(runStart, -1);
        java.util.Arrays.fill(lastHit, -1);
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            int add = i + half;
            int drop = i - half - 1;
            if (add < h && drop >= 0) {
                slideRow(sums, grey, add * w, drop * w, w);
            } else if (add < h) {
                addRow(sums, grey, add * w, w, 1);
                count++;
            } else if (drop >= 0) {
                addRow(sums, grey, drop * w, w, -1);
                count--;
            }
            if (count == full) {
                for (int x = 0; x < w; x++) {
                    means[x] = (int) ((sums[x] * reciprocal) >>> 32);
                }
            } else {
                for (int x = 0; x < w; x++) {
                    means[x] = sums[x] / count;
                }
            }
            followColumnRuns(means, i, w, off, maxGap, minRun, runStart, lastHit, out);
        }
        for (int line = off; line < w - off; line++) {
            if (runStart[line] >= 0 && lastHit[line] - runStart[line] >= minRun) {
                out.add(new Segment(line, runStart[line], lastHit[line], line, line, 0, lastHit[line] - runStart[line]));
            }
        }
        out.sort(Comparator.comparingInt(Segment::along).thenComparingInt(Segment::from));
        return out;
    }

    /** Row {@code i}'s line pixels continue, end or start each column's run. */
    private static void followColumnRuns(int[] means, int i, int w, int off, int maxGap, int minRun, int[] runStart,
                                         int[] lastHit, List<Segment> out) {
        for (int line = off; line < w - off; line++) {
            int mid = means[line] + CONTRAST;
            if (mid < means[line - off] && mid < means[line + off]) {
                if (runStart[line] < 0 || i - lastHit[line] > maxGap) {
                    if (runStart[line] >= 0 && lastHit[line] - runStart[line] >= minRun) {
                        out.add(new Segment(line, runStart[line], lastHit[line], line, line, 0,
                                lastHit[line] - runStart[line]));
                    }
                    runStart[line] = i;
                }
                lastHit[line] = i;
            }
        }
    }

    /** The window of every column moves down a row: one row in, one row out. */
    private static void slideRow(int[] sums, byte[] grey, int in, int outRow, int w) {
        for (int x = 0; x < w; x++) {
            sums[x] += (grey[in + x] & 0xff) - (grey[outRow + x] & 0xff);
        }
    }

    private static void addRow(int[] sums, byte[] grey, int start, int w, int sign) {
        for (int x = 0; x < w; x++) {
            sums[x] += sign * (grey[start + x] & 0xff);
        }
    }

    /** One row or column, box-smoothed along itself (cached: each is used by three neighbours). */
    private int[] smoothed(int line, boolean horizontal, int half) {
        long key = (horizontal ? 0L : 1L << 40) | line;
        int[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        if (cache.size() > 64) {
            cache.clear();
        }
        int length = horizontal ? img.width : img.height;
        byte[] raw;
        int base;
        if (horizontal) {
            raw = img.grey;
            base = line * img.width;
        } else {
            raw = new byte[length];
            base = 0;
            for (int i = 0; i < length; i++) {
                raw[i] = img.grey[i * img.width + line];
            }
        }
        int[] out = new int[length];
        boxMeans(raw, base, length, half, out);
        cache.put(key, out);
        return out;
    }

    /**
     * The means of {@code raw[base, base + length)} over a window of {@code half} pixels either side (fewer at the
     * ends), into {@code out}: a row or column box-smoothed along itself.
     */
    private static void boxMeans(byte[] raw, int base, int length, int half, int[] out) {
        int sum = 0;
        int count = 0;
        // a full window's mean by multiplying with 2^32 / n rounded up: exactly sum / n for every sum up to
        // 255 n while n < 4096 (the error stays below one part in 2^32 / n)
        int full = 2 * half + 1;
        long reciprocal = ((1L << 32) + full - 1) / full;
        for (int i = 0; i < Math.min(half, length); i++) {
            sum += raw[base + i] & 0xff;
            count++;
        }
        for (int i = 0; i < length; i++) {
            int add = i + half;
            if (add < length) {
                sum += raw[base + add] & 0xff;
                count++;
            }
            int drop = i - half - 1;
            if (drop >= 0) {
                sum -= raw[base + drop] & 0xff;
                count--;
            }
            out[i] = count == full ? (int) ((sum * reciprocal) >>> 32) : sum / count;
        }
    }

    /** Joins pieces of one line: neighbouring rows (a slight skew) and small gaps. */
    private List<Segment> merge(List<Segment> pieces) {
        List<Segment> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingInt(Segment::from));
        int rowTol = 2;
        int gap = img.mm(2);
        // per line: along-sum, count, from, to, last along, first along, lo, hi, covered
        List<int[]> lines = new ArrayList<>();
        List<int[]> open = new ArrayList<>();
        for (Segment s : sorted) {
            int[] target = null;
            for (int[] l : open) {
                if (Math.abs(l[4] - s.along()) <= rowTol && s.from() <= l[3] + gap && s.to() >= l[2] - gap) {
                    target = l;
                    break;
                }
            }
            if (target == null) {
                int[] l = {s.along(), 1, s.from(), s.to(), s.along(), s.along(), s.along(), s.along(), s.covered()};
                lines.add(l);
                open.add(l);
            } else {
                // pieces of neighbouring rows overlap: count only what extends the line beyond what it had
                target[8] += Math.max(0, s.to() - Math.max(s.from(), target[3]));
                target[0] += s.along();
                target[1]++;
                target[2] = Math.min(target[2], s.from());
                target[3] = Math.max(target[3], s.to());
                target[4] = s.along();
                target[6] = Math.min(target[6], s.along());
                target[7] = Math.max(target[7], s.along());
            }
            open.removeIf(l -> l[3] + gap < s.from());
        }
        List<Segment> out = new ArrayList<>();
        for (int[] l : lines) {
            double slope = l[3] > l[2] ? (double) (l[4] - l[5]) / (l[3] - l[2]) : 0;
            out.add(new Segment(l[0] / l[1], l[2], l[3], l[6], l[7], slope, l[8]));
        }
        return out;
    }
}
