package org.scanstation.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.logging.Redactor;
import org.scanstation.store.BatchStore;
import org.scanstation.store.Quarantine;
import org.scanstation.store.StoredDocument;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsDocument;
import org.scanstation.upload.RetryPolicy;
import org.scanstation.upload.UploadListener;
import org.scanstation.upload.UploadOutcome;
import org.scanstation.upload.UploadResult;
import org.scanstation.upload.UploadService;
import org.scanstation.upload.UploadSettings;
import org.scanstation.upload.cmis.CmisBrowserClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upload}: every queued document to the EDMS over CMIS, exactly once, verified; resumable. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Upload every queued document to the EDMS (CMIS browser binding), verify it, then remove"
                + " the local copy. Run again after any interruption. Exit 0 only when every queued document"
                + " is verified; 7: EDMS unavailable, 8: a document needs attention (or a batch is in quarantine),"
                + " 6: interrupted.")
final class UploadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreAccess storeAccess;

    @Mixin
    EdmsOptions edmsOptions;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "8",
            description = "Attempts per request on network errors, time-outs and 5xx, with back-off from 1 s"
                    + " doubling to 60 s (default: ${DEFAULT-VALUE}, about 3 minutes).")
    int attempts;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, not one line per document.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        EdmsConnection connection = edmsOptions.connection();
        List<String> root = edmsOptions.folderRoot();
        if (attempts < 1 || attempts > 100) {
            throw new CliException(ExitCode.USAGE, "--attempts must be between 1 and 100");
        }
        UploadSettings settings = UploadSettings.defaults().withFolderRoot(root);
        RetryPolicy retry = settings.retry();
        settings = settings.withRetry(new RetryPolicy(retry.initial(), retry.multiplier(), retry.max(), attempts),
                settings.sleeper());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UploadResult result;
        List<Quarantine.Item> setAside;
        BatchStore store = storeAccess.open(true);
        try (CmisBrowserClient edms = new CmisBrowserClient(connection)) {
            result = new UploadService(edms, settings)
                    .uploadAll(store, quiet ? UploadListener.SILENT : new ConsoleListener(out));
            setAside = store.quarantined();
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.STORE, e.getMessage());
        } finally {
            storeAccess.close(store);
        }
        out.println(result.summary());
        out.flush();
        result.problems().forEach(p -> err.println("scanstation: " + Redactor.mask(p)));
        setAside.forEach(q -> err.println("scanstation: not uploaded, in quarantine: " + Redactor.mask(q.describe())));
        err.flush();
        ExitCode code = exitCode(result.outcome());
        // documents of a batch in quarantine are not uploaded: a person must look
        return (code == ExitCode.OK && !setAside.isEmpty() ? ExitCode.NEEDS_ATTENTION : code).code();
    }

    static ExitCode exitCode(UploadOutcome outcome) {
        return switch (outcome) {
            case ALL_VERIFIED, NOTHING_TO_DO -> ExitCode.OK;
            case EDMS_UNAVAILABLE -> ExitCode.EDMS_UNAVAILABLE;
            case NEEDS_ATTENTION -> ExitCode.NEEDS_ATTENTION;
            case INTERRUPTED -> ExitCode.INCOMPLETE;
        };
    }

    /** One line per step of each document: what, batch id, document index (no patient data). */
    private static final class ConsoleListener implements UploadListener {
        private final PrintWriter out;

        ConsoleListener(PrintWriter out) {
            this.out = out;
        }

        private void say(String what, StoredDocument d, String extra) {
            out.println(what + " " + d.batchId() + " " + d.index() + (extra == null ? "" : " " + extra));
            out.flush();
        }

        @Override
        public void creating(StoredDocument d) {
            say("creating", d, null);
        }

        @Override
        public void uploaded(StoredDocument d, EdmsDocument e) {
            say(e.existed() ? "found-existing" : "uploaded", d, e.objectId());
        }

        @Override
        public void verified(StoredDocument d) {
            say("verified", d, null);
        }

        @Override
        public void purged(StoredDocument d) {
            say("purged", d, null);
        }

        @Override
        public void failed(StoredDocument d, String reason) {
            say("failed", d, Redactor.mask(reason));
        }
    }
}
