package org.scanstation.store;

import java.io.IOException;

/** Another ScanStation process has the store open. */
public class StoreLockedException extends IOException {

    public StoreLockedException(String root) {
        super("the store " + root + " is in use by another ScanStation process; close it or wait for it to finish");
    }
}
