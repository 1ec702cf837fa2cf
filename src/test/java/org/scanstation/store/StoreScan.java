package org.scanstation.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks through every byte and every name under a folder for things that must not be there. */
final class StoreScan {

    // four or more bytes each, so random ciphertext (about 1 MB here) matches by chance < 1e-3
    static final byte[] JPEG_JFIF = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    static final byte[] JPEG_EXIF = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1};
    static final byte[] JPEG_RAW = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    static List<byte[]> magics() {
        return List.of(JPEG_JFIF, JPEG_EXIF, JPEG_RAW, PNG, PDF);
    }

    private StoreScan() {
    }

    /** Files (relative paths) whose content or path contains any of the needles. */
    static List<String> findings(Path root, List<byte[]> needles) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.toList();
        }
        for (Path p : all) {
            String rel = root.relativize(p).toString();
            for (byte[] n : needles) {
                if (indexOf(rel.getBytes(StandardCharsets.UTF_8), n) >= 0) {
                    found.add(rel + " (name)");
                }
            }
            if (Files.isRegularFile(p)) {
                byte[] content = Files.readAllBytes(p);
                for (byte[] n : needles) {
                    if (indexOf(content, n) >= 0) {
                        found.add(rel + " contains " + new String(n, StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return found;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
