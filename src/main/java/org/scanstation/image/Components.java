package org.scanstation.image;

import java.util.ArrayList;
import java.util.List;

/** Connected components (8-connected) of a binary mask, with their boxes and pixel counts. */
public final class Components {

    /** One connected blob of set pixels. */
    public record Blob(int minX, int minY, int maxX, int maxY, int pixels) {
        public int width() {
            return maxX - minX + 1;
        }

        public int height() {
            return maxY - minY + 1;
        }
    }

    private Components() {
    }

    /**
     * The 8-connected blobs of {@code mask} (row-major, {@code w} by {@code h}), in the order of their first
     * pixel along the rows. Worked out on runs of set pixels, a row at a time (memory in proportion to the runs,
     * not the pixels): a run joins every run of the row above that touches it, corners included.
     */
    public static List<Blob> of(boolean[] mask, int w, int h) {
        Labels labels = new Labels();
        int[] prevStart = new int[w / 2 + 1];
        int[] prevEnd = new int[w / 2 + 1];
        int[] prevLabel = new int[w / 2 + 1];
        int prevCount = 0;
        int[] curStart = new int[w / 2 + 1];
        int[] curEnd = new int[w / 2 + 1];
        int[] curLabel = new int[w / 2 + 1];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int curCount = 0;
            int p = 0; // the first run above that may still touch a run of this row
            int x = 0;
            while (x < w) {
                if (!mask[row + x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && mask[row + x]) {
                    x++;
                }
                int end = x - 1;
                while (p < prevCount && prevEnd[p] < start - 1) {
                    p++;
                }
                int l = 0;
                for (int q = p; q < prevCount && prevStart[q] <= end + 1; q++) {
                    l = l == 0 ? labels.find(prevLabel[q]) : labels.union(l, prevLabel[q]);
                }
                if (l == 0) {
                    l = labels.create();
                }
                labels.add(l, start, end, y);
                curStart[curCount] = start;
                curEnd[curCount] = end;
                curLabel[curCount] = l;
                curCount++;
            }
            int[] t = prevStart;
            prevStart = curStart;
            curStart = t;
            t = prevEnd;
            prevEnd = curEnd;
            curEnd = t;
            t = prevLabel;
            prevLabel = curLabel;
            curLabel = t;
            prevCount = curCount;
        }
        return labels.blobs();
    }

    /** Labels of runs, joined as runs touch (union-find; a joined label's root is the smaller), with their extents. */
    private static final class Labels {
        private int[] parent = new int[256];
        private int[] minX = new int[256];
        private int[] minY = new int[256];
        private int[] maxX = new int[256];
        private int[] maxY = new int[256];
        private int[] count = new int[256];
        private int next = 1;

        int create() {
            if (next == parent.length) {
                int n = parent.length * 2;
                parent = java.util.Arrays.copyOf(parent, n);
                minX = java.util.Arrays.copyOf(minX, n);
                minY = java.util.Arrays.copyOf(minY, n);
                maxX = java.util.Arrays.copyOf(maxX, n);
                maxY = java.util.Arrays.copyOf(maxY, n);
                count = java.util.Arrays.copyOf(count, n);
            }
            int l = next++;
            parent[l] = l;
            minX[l] = Integer.MAX_VALUE;
            minY[l] = Integer.MAX_VALUE;
            maxX[l] = Integer.MIN_VALUE;
            maxY[l] = Integer.MIN_VALUE;
            return l;
        }

        int find(int x) {
            return Components.find(parent, x);
        }

        /** Joins root {@code l} with the set of {@code other}; the joined set's root. */
        int union(int l, int other) {
            int a = find(other);
            if (a == l) {
                return l;
            }
            int lo = Math.min(a, l);
            parent[Math.max(a, l)] = lo;
            return lo;
        }

        void add(int l, int start, int end, int y) {
            minX[l] = Math.min(minX[l], start);
            maxX[l] = Math.max(maxX[l], end);
            minY[l] = Math.min(minY[l], y);
            maxY[l] = Math.max(maxY[l], y);
            count[l] += end - start + 1;
        }

        List<Blob> blobs() {
            // every label's extent folded into its root (labels are numbered in order of creation, and a root
            // is the smallest label of its set, so folding from the highest down reaches each root complete)
            for (int l = next - 1; l >= 1; l--) {
                int r = find(l);
                if (r != l) {
                    minX[r] = Math.min(minX[r], minX[l]);
                    maxX[r] = Math.max(maxX[r], maxX[l]);
                    minY[r] = Math.min(minY[r], minY[l]);
                    maxY[r] = Math.max(maxY[r], maxY[l]);
                    count[r] += count[l];
                    count[l] = 0;
                }
            }
            List<Blob> blobs = new ArrayList<>();
            for (int l = 1; l < next; l++) {
                if (count[l] > 0 && parent[l] == l) {
                    blobs.add(new Blob(minX[l], minY[l], maxX[l], maxY[l], count[l]));
                }
            }
            return blobs;
        }
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
