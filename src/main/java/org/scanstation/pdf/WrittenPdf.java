package org.scanstation.pdf;

import java.nio.file.Path;

/**
 * A PDF that was written completely and moved to its final name.
 *
 * @param path   the final file
 * @param pages  number of pages in it
 * @param bytes  file size
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 */
public record WrittenPdf(Path path, int pages, long bytes, String sha256) {
}
