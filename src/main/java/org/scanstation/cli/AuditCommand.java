package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.scanstation.store.BatchStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code audit}: the store's audit trail, decrypted, as JSON for an auditor. It holds patient data
 * (NHS numbers of automatic decisions), so {@code --out} writes a file only its owner can read.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Export the audit trail (who scanned what, when, every decision, every upload) as JSON."
                + " It contains patient identifiers: keep the file safe.")
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreAccess storeAccess;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here instead of printing it.")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        Path tmp = null;
        if (outFile != null) {
            Path dir = outFile.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CliException(ExitCode.INPUT, "cannot write " + outFile + ": folder does not exist");
            }
            try {
                tmp = Files.createTempFile(dir, ".audit-", ".json.tmp"); // created owner-only (rw-------)
            } catch (IOException e) {
                throw new CliException(ExitCode.FAILURE, "cannot write " + outFile + ": " + e.getMessage());
            }
        }
        BatchStore store = storeAccess.open(true);
        PrintWriter console = spec.commandLine().getOut();
        try (OutputStream os = tmp == null ? new QueueCommand.NonClosing(console) : Files.newOutputStream(tmp)) {
            store.audit().exportJson(os);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new CliException(ExitCode.STORE, "cannot export the audit trail: " + e.getMessage());
        } finally {
            StoreAccess.close(store);
        }
        if (tmp != null) {
            try {
                Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING);
            }
            console.println("Audit trail written to " + outFile);
        } else {
            console.println();
        }
        console.flush();
        return ExitCode.OK.code();
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
