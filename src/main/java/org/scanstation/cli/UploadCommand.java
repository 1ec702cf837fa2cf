package org.scanstation.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.StationConfig;
import org.scanstation.logging.Redactor;
import org.scanstation.store.BatchStore;
import org.scanstation.store.StoredDocument;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
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
                + " is verified; 7: EDMS unavailable, 8: a document needs attention, 6: interrupted.")
final class UploadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreAccess storeAccess;

    @Option(names = "--cmis", required = true, paramLabel = "URL",
            description = "The CMIS browser binding URL, e.g. https://edms.example/cmis/browser")
    String cmisUrl;

    @Option(names = "--user", paramLabel = "U", description = "User name for HTTP Basic authentication.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable holding the password (never given on the command line).")
    String passwordEnv;

    @Option(names = "--folder-root", paramLabel = "PATH", defaultValue = "/ScanStation",
            description = "EDMS folder under which each patient has a folder named by NHS number (default: ${DEFAULT-VALUE}).")
    String folderRoot;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "PKCS12/JKS trust store holding the EDMS's certificate (default: the JDK's).")
    Path trustStore;

    @Option(names = "--trust-store-password-env", paramLabel = "VAR",
            description = "Environment variable holding the trust store's password, if it has one.")
    String trustStorePasswordEnv;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "8",
            description = "Attempts per request on network errors, time-outs and 5xx, with back-off from 1 s"
                    + " doubling to 60 s (default: ${DEFAULT-VALUE}, about 3 minutes).")
    int attempts;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, not one line per document.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        EdmsConnection connection = connection();
        List<String> root = EdmsConnection.parseFolderPath(folderRoot);
        if (root.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "--folder-root must name a folder, e.g. /ScanStation");
        }
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
        BatchStore store = storeAccess.open(true);
        try (CmisBrowserClient edms = new CmisBrowserClient(connection)) {
            result = new UploadService(edms, settings)
                    .uploadAll(store, quiet ? UploadListener.SILENT : new ConsoleListener(out));
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.STORE, e.getMessage());
        } finally {
            StoreAccess.close(store);
        }
        out.println(result.summary());
        out.flush();
        result.problems().forEach(p -> err.println("scanstation: " + Redactor.mask(p)));
        err.flush();
        return exitCode(result.outcome()).code();
    }

    static ExitCode exitCode(UploadOutcome outcome) {
        return switch (outcome) {
            case ALL_VERIFIED, NOTHING_TO_DO -> ExitCode.OK;
            case EDMS_UNAVAILABLE -> ExitCode.EDMS_UNAVAILABLE;
            case NEEDS_ATTENTION -> ExitCode.NEEDS_ATTENTION;
            case INTERRUPTED -> ExitCode.INCOMPLETE;
        };
    }

    private EdmsConnection connection() throws CliException {
        EdmsCredentials credentials = EdmsCredentials.none();
        if (user != null) {
            String password = "";
            if (passwordEnv != null) {
                password = System.getenv(passwordEnv);
                if (password == null) {
                    throw new CliException(ExitCode.USAGE, "environment variable " + passwordEnv + " is not set");
                }
            }
            credentials = new EdmsCredentials.Basic(user, password);
        } else if (passwordEnv != null) {
            throw new CliException(ExitCode.USAGE, "--password-env needs --user");
        }
        EdmsConnection c;
        try {
            c = EdmsConnection.of(cmisUrl, credentials, plainHttpAllowedByIt());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        if (trustStore != null) {
            if (!Files.isReadable(trustStore)) {
                throw new CliException(ExitCode.INPUT, "trust store not found or not readable: " + trustStore);
            }
            char[] pw = null;
            if (trustStorePasswordEnv != null) {
                String v = System.getenv(trustStorePasswordEnv);
                if (v == null) {
                    throw new CliException(ExitCode.USAGE, "environment variable " + trustStorePasswordEnv + " is not set");
                }
                pw = v.toCharArray();
            }
            c = c.withTrustStore(trustStore, pw);
        }
        return c;
    }

    /** IT's permission (machine-wide file only) to send credentials over plain http to another PC. */
    private static boolean plainHttpAllowedByIt() throws CliException {
        try {
            StationConfig.Edms edms = new ConfigLoader().load().config().edms();
            return edms != null && edms.plainHttpAllowed();
        } catch (ConfigException e) {
            throw new CliException(ExitCode.CONFIG, e.getMessage());
        }
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
