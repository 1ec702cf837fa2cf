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

    public static List<Blob> of(boolean[] mask, int w, int h) {
        int[] label = new int[w * h];
        int[] parent = new int[1024];
        int next = 1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                if (!mask[i]) {
                    continue;
                }
                int l = 0;
                int[] neighbours = {
                    x > 0 ? label[i - 1] : 0,
                    y > 0 && x > 0 ? label[i - w - 1] : 0,
                    y > 0 ? label[i - w] : 0,
                    y > 0 && x + 1 < w ? label[i - w + 1] : 0
                };
                for (int n : neighbours) {
                    if (n == 0) {
                        continue;
                    }
                    if (l == 0) {
                        l = find(parent, n);
                    } else {
                        int a = find(parent, n);
                        if (a != l) {
                            int lo = Math.min(a, l);
                            parent[Math.max(a, l)] = lo;
                            l = lo;
                        }
                    }
                }
                if (l == 0) {
                    if (next == parent.length) {
                        parent = java.util.Arrays.copyOf(parent, parent.length * 2);
                    }
                    parent[next] = next;
                    l = next++;
                }
                label[i] = l;
            }
        }
        int[] minX = new int[next];
        int[] minY = new int[next];
        int[] maxX = new int[next];
        int[] maxY = new int[next];
        int[] count = new int[next];
        java.util.Arrays.fill(minX, Integer.MAX_VALUE);
        java.util.Arrays.fill(minY, Integer.MAX_VALUE);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int l = label[row + x];
                if (l == 0) {
                    continue;
                }
                int r = find(parent, l);
                minX[r] = Math.min(minX[r], x);
                minY[r] = Math.min(minY[r], y);
                maxX[r] = Math.max(maxX[r], x);
                maxY[r] = Math.max(maxY[r], y);
                count[r]++;
            }
        }
        List<Blob> blobs = new ArrayList<>();
        for (int l = 1; l < next; l++) {
            if (count[l] > 0) {
                blobs.add(new Blob(minX[l], minY[l], maxX[l], maxY[l], count[l]));
            }
        }
        return blobs;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
