package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        OutputFile result = outFile == null ? null : OutputFile.beside(outFile, "audit"); // owner-only (rw-------)
        BatchStore store = storeAccess.open(true);
        PrintWriter console = spec.commandLine().getOut();
        try (OutputStream os = result == null ? new QueueCommand.NonClosing(console) : result.open()) {
            store.audit().exportJson(os);
        } catch (IOException e) {
            if (result != null) {
                result.discard();
            }
            throw new CliException(ExitCode.STORE, "cannot export the audit trail: " + e.getMessage());
        } finally {
            StoreAccess.close(store);
        }
        if (result != null) {
            result.commit();
            console.println("Audit trail written to " + outFile);
        } else {
            console.println();
        }
        console.flush();
        return ExitCode.OK.code();
    }
}
