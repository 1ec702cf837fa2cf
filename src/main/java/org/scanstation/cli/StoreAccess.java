package org.scanstation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.KeyStoreProvider;
import org.scanstation.store.StoreCorruptedException;
import org.scanstation.store.StoreKeyMissingException;
import org.scanstation.store.StoreLockedException;
import org.scanstation.store.StorePaths;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --store} and {@code --key} options shared by the store commands, opening the store, and
 * saying on stderr what the store says a person must know (batches set aside, a damaged audit trail,
 * an interrupted batch kept for review, a key file's mode corrected).
 */
final class StoreAccess {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--store", paramLabel = "DIR", description = "The batch store folder (default: ${DEFAULT-VALUE}).")
    Path store = StorePaths.defaultStore();

    @Option(names = "--key", paramLabel = "FILE",
            description = "The store's key file, readable only by the station's user (default: ${DEFAULT-VALUE}).")
    Path key = StorePaths.defaultKeyFile();

    private int noticesShown;

    /**
     * Opens the store (recovering from any crash).
     *
     * @param mustExist true for commands that read an existing store (upload, queue, audit)
     */
    BatchStore open(boolean mustExist) throws CliException {
        if (mustExist && !Files.isDirectory(store)) {
            throw new CliException(ExitCode.INPUT, "no batch store at " + store);
        }
        if (mustExist && !Files.isRegularFile(key) && !BatchStore.holdsData(store)) {
            throw new CliException(ExitCode.INPUT, "no key file at " + key + " (give the store's key with --key)");
        }
        KeyStoreProvider keys = new KeyFileProvider(key);
        try {
            BatchStore opened = BatchStore.open(store, keys);
            showNotices(opened);
            return opened;
        } catch (StoreLockedException | StoreKeyMissingException e) {
            throw new CliException(ExitCode.STORE, e.getMessage());
        } catch (StoreCorruptedException e) {
            throw new CliException(ExitCode.STORE, e.getMessage() + " (is --key the store's key?)");
        } catch (IOException e) {
            throw new CliException(ExitCode.STORE, "cannot open the batch store " + store + ": " + e.getMessage());
        }
    }

    /** Says what the store has newly noticed, then closes it, reporting a failure as one line. */
    void close(BatchStore s) throws CliException {
        showNotices(s);
        try {
            s.close();
        } catch (IOException e) {
            throw new CliException(ExitCode.STORE, "cannot close the batch store: " + e.getMessage());
        }
    }

    private void showNotices(BatchStore s) {
        List<String> notices = s.notices();
        if (notices.size() <= noticesShown) {
            return;
        }
        PrintWriter err = command.commandLine().getErr();
        notices.subList(noticesShown, notices.size()).forEach(n -> err.println("scanstation: note: " + n));
        err.flush();
        noticesShown = notices.size();
    }
}
