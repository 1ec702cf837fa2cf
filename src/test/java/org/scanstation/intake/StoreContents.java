package org.scanstation.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks through every byte and every file name under a store folder for plaintext patient data:
 * images and PDFs (by their magic at the start of a file and by their first 32 bytes anywhere), and
 * patient names and NHS numbers of an index CSV.
 */
public final class StoreContents {

    private StoreContents() {
    }

    /** Needles for the patients of a CSV (nhs_number,mrn,family_name,given_name,...). */
    public static List<byte[]> patientNeedles(Path csv) throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length < 4) {
                continue;
            }
            texts.add(f[0]);
            texts.add(f[0].substring(0, 3) + " " + f[0].substring(3, 6) + " " + f[0].substring(6));
            texts.add(f[1]);
            texts.add(f[2] + ", " + f[3]);
            texts.add(f[3] + " " + f[2]);
            // a single name of 6+ letters cannot turn up in ciphertext by chance (< 1e-5 over 100 MB)
            for (String name : List.of(f[2], f[3])) {
                if (name.length() >= 6) {
                    texts.add(name);
                    texts.add(name.toUpperCase(Locale.ROOT));
                }
            }
        }
        return texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The first 32 bytes of each file: any copy of it, anywhere, is a plaintext copy of the file. */
    public static List<byte[]> headsOf(List<byte[]> contents) {
        List<byte[]> heads = new ArrayList<>();
        for (byte[] c : contents) {
            byte[] h = new byte[Math.min(32, c.length)];
            System.arraycopy(c, 0, h, 0, h.length);
            heads.add(h);
        }
        return heads;
    }

    /**
     * What is wrong under {@code root}: file names or contents holding a needle (each of 4 bytes or
     * more), files starting with an image or PDF magic.
     */
    public static List<String> findings(Path root, List<byte[]> needles) throws IOException {
        Map<Integer, List<byte[]>> byPrefix = new HashMap<>();
        for (byte[] n : needles) {
            if (n.length < 4) {
                throw new IllegalArgumentException("needles need 4 bytes or more");
            }
            byPrefix.computeIfAbsent(prefix(n, 0), k -> new ArrayList<>()).add(n);
        }
        List<String> found = new ArrayList<>();
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.toList();
        }
        for (Path p : all) {
            String rel = root.relativize(p).toString();
            for (byte[] n : find(rel.getBytes(StandardCharsets.UTF_8), byPrefix)) {
                found.add(rel + ": name contains \"" + new String(n, StandardCharsets.ISO_8859_1) + "\"");
            }
            if (!Files.isRegularFile(p)) {
                continue;
            }
            byte[] content = Files.readAllBytes(p);
            if (StoredImageCodec.rasterMediaType(content) != null || startsWith(content, "%PDF-")) {
                found.add(rel + ": plaintext image or PDF");
            }
            for (byte[] n : find(content, byPrefix)) {
                found.add(rel + ": contains \"" + new String(n, StandardCharsets.ISO_8859_1) + "\"");
            }
        }
        return found;
    }

    private static Set<byte[]> find(byte[] hay, Map<Integer, List<byte[]>> byPrefix) {
        Set<byte[]> hits = new LinkedHashSet<>();
        for (int i = 0; i + 4 <= hay.length; i++) {
            List<byte[]> candidates = byPrefix.get(prefix(hay, i));
            if (candidates != null) {
                for (byte[] n : candidates) {
                    if (i + n.length <= hay.length && Arrays.equals(hay, i, i + n.length, n, 0, n.length)) {
                        hits.add(n);
                    }
                }
            }
        }
        return hits;
    }

    private static int prefix(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static boolean startsWith(byte[] content, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        return content.length >= m.length && Arrays.equals(content, 0, m.length, m, 0, m.length);
    }

}
