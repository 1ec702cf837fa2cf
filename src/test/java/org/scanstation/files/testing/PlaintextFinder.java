package org.scanstation.files.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says whether a file holds patient data in the clear: an image (JPEG, PNG, TIFF, JPEG 2000), a PDF,
 * an ImageIO or PDFBox cache file, or any of the given identifiers (NHS numbers, hospital numbers,
 * names) as text.
 */
public final class PlaintextFinder {

    private final List<String> identifiers;

    public PlaintextFinder(List<String> identifiers) {
        this.identifiers = List.copyOf(identifiers);
    }

    /** Why {@code file} is patient data in the clear; empty when it is not. */
    public Optional<String> why(Path file, String nameSeen) throws IOException {
        byte[] b = Files.readAllBytes(file);
        String name = nameSeen.toLowerCase();
        if (name.startsWith("imageio") || name.startsWith("pdfbox") || name.contains("escl-document")
                || name.contains("scanstation-doc")) {
            return Optional.of("a temporary file of an image or PDF library (" + b.length + " bytes)");
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("a JPEG image");
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return Optional.of("a PNG image");
        }
        if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) {
            return Optional.of("a TIFF image");
        }
        if (starts(b, 0, 0, 0, 0x0C, 'j', 'P') || starts(b, 0xFF, 0x4F, 0xFF, 0x51)) {
            return Optional.of("a JPEG 2000 image");
        }
        if (starts(b, '%', 'P', 'D', 'F')) {
            return Optional.of("a PDF");
        }
        String text = new String(b, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (String id : identifiers) {
            if (text.contains(id)) {
                found.add(id);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of("text holding " + found);
    }

    private static boolean starts(byte[] b, int... head) {
        if (b.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if ((b[i] & 0xFF) != head[i]) {
                return false;
            }
        }
        return true;
    }
}
