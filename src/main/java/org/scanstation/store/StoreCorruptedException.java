package org.scanstation.store;

import java.io.IOException;

/**
 * A stored file failed its authentication check (or is structurally broken), so its content
 * cannot be trusted. The message names the file by its opaque, store-relative name only; it never
 * carries patient data.
 */
public class StoreCorruptedException extends IOException {

    private final String file;
    private final String problem;

    public StoreCorruptedException(String file, String problem) {
        super("store file '" + file + "' is corrupted or was not written by this station's key: " + problem);
        this.file = file;
        this.problem = problem;
    }

    public StoreCorruptedException(String file, String problem, Throwable cause) {
        this(file, problem);
        initCause(cause);
    }

    /** What is wrong with the file, in words (no file name, no patient data). */
    public String problem() {
        return problem;
    }

    /** The store-relative name of the damaged file, e.g. {@code batches/4f3a.../pages/p0003.enc}. */
    public String file() {
        return file;
    }
}
