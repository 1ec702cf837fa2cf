package org.scanstation.model;

import java.nio.file.Path;

/**
 * Where a page came from: its file and, for multi-page files, its 1-based page number.
 * {@link #name()} is the analysis contract's {@code source}: the file name, with {@code #N} for a
 * page of a multi-page file.
 */
public record PageId(Path file, int pageNumber, boolean multiPage) {

    public static PageId single(Path file) {
        return new PageId(file, 1, false);
    }

    public String name() {
        String base = file.getFileName().toString();
        return multiPage ? base + "#" + pageNumber : base;
    }

    @Override
    public String toString() {
        return name();
    }
}
