package org.scanstation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.KeyStoreProvider;
import org.scanstation.store.StoreCorruptedException;
import org.scanstation.store.StoreLockedException;
import org.scanstation.store.StorePaths;
import picocli.CommandLine.Option;

/** The {@code --store} and {@code --key} options shared by the store commands, and opening the store. */
final class StoreAccess {

    @Option(names = "--store", paramLabel = "DIR", description = "The batch store folder (default: ${DEFAULT-VALUE}).")
    Path store = StorePaths.defaultStore();

    @Option(names = "--key", paramLabel = "FILE",
            description = "The store's key file, readable only by the station's user (default: ${DEFAULT-VALUE}).")
    Path key = StorePaths.defaultKeyFile();

    /**
     * Opens the store (recovering from any crash).
     *
     * @param mustExist true for commands that read an existing store (upload, queue, audit)
     */
    BatchStore open(boolean mustExist) throws CliException {
        if (mustExist && !Files.isDirectory(store)) {
            throw new CliException(ExitCode.INPUT, "no batch store at " + store);
        }
        if (mustExist && !Files.isRegularFile(key)) {
            throw new CliException(ExitCode.INPUT, "no key file at " + key + " (give the store's key with --key)");
        }
        KeyStoreProvider keys = new KeyFileProvider(key);
        try {
            return BatchStore.open(store, keys);
        } catch (StoreLockedException e) {
            throw new CliException(ExitCode.STORE, e.getMessage());
        } catch (StoreCorruptedException e) {
            throw new CliException(ExitCode.STORE, e.getMessage() + " (is --key the store's key?)");
        } catch (IOException e) {
            throw new CliException(ExitCode.STORE, "cannot open the batch store " + store + ": " + e.getMessage());
        }
    }

    /** Closes the store, reporting a failure as one line. */
    static void close(BatchStore s) throws CliException {
        try {
            s.close();
        } catch (IOException e) {
            throw new CliException(ExitCode.STORE, "cannot close the batch store: " + e.getMessage());
        }
    }
}
