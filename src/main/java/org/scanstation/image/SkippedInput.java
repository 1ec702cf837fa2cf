package org.scanstation.image;

/**
 * Something in an input folder that is not read as pages, and why: listed in the output and in the
 * analysis JSON ({@code skipped}), never left out without a word.
 *
 * @param source the name as given in the folder (no folder path), as pages' {@code source} are
 */
public record SkippedInput(String source, String reason) {
}
