package org.scanstation.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A short real batch from the demo samples: a matched document, a separator, a page that needs review. */
final class SmallBatch {

    private SmallBatch() {
    }

    /** Copies samples 0001, 0002, 0008, 0009 and 0010 into {@code dir}; returns the folder scanner's URI. */
    static String into(Path dir) throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        for (String n : new String[]{"0001", "0002", "0008", "0009", "0010"}) {
            Files.copy(Path.of("samples/batch", n + ".jpg"), pages.resolve(n + ".jpg"));
        }
        return "folder:" + pages;
    }
}
