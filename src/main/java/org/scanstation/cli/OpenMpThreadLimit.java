package org.scanstation.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Tesseract's OpenMP threads fight each other when several engines run at once (one per core): with
 * {@code OMP_THREAD_LIMIT=1} a page is about three times faster on two cores. The environment can only
 * be set before OpenMP loads, i.e. before the first Tesseract call, so the command line sets it for its
 * own process at start when the caller has not chosen a value (Linux and macOS; ignored elsewhere).
 */
final class OpenMpThreadLimit {

    static final String VARIABLE = "OMP_THREAD_LIMIT";

    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private OpenMpThreadLimit() {
    }

    static void applyDefault() {
        if (System.getenv(VARIABLE) != null || Platform.isWindows()) {
            return;
        }
        try {
            Native.load("c", CLibrary.class).setenv(VARIABLE, "1", 0);
        } catch (RuntimeException | LinkageError ignored) {
            // only slower: OCR still works with OpenMP's default thread count
        }
    }
}
