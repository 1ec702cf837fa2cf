package org.scanstation.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The store holds data but its key is missing. A new key would not open what is stored (and would
 * make the next batches unreadable with the old key), so none is made.
 */
public class StoreKeyMissingException extends IOException {

    public StoreKeyMissingException(Path store, String keyDescription) {
        super("the batch store " + store + " holds data but its key is missing (" + keyDescription + "): no new key"
                + " was made, because it could not open what is stored. Restore the key file from its backup,"
                + " or give the right one with --key");
    }
}
