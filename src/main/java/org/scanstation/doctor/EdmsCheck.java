package org.scanstation.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.scanstation.config.StationConfig;
import org.scanstation.upload.EdmsAddress;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import org.scanstation.upload.EdmsException;
import org.scanstation.upload.RepositoryInfo;
import org.scanstation.upload.cmis.CmisBrowserClient;

/** Asks the configured EDMS for its repository information; an unconfigured EDMS is not a failure. */
public final class EdmsCheck implements Check {

    static final String NAME = "EDMS";

    private final StationConfig.Edms edms;
    private final Duration timeout;

    public EdmsCheck(StationConfig.Edms edms, Duration timeout) {
        this.edms = edms;
        this.timeout = timeout;
    }

    @Override
    public CheckResult run() {
        if (edms == null || edms.cmisUrl() == null || edms.cmisUrl().isBlank()) {
            return CheckResult.of(NAME, CheckStatus.INFO,
                    "not configured (edms.cmisUrl): scanned batches stay in the local store until IT sets it");
        }
        if (Boolean.TRUE.equals(edms.offline())) {
            return CheckResult.of(NAME, CheckStatus.INFO, "configured but set offline (edms.offline): not contacted",
                    "url: " + EdmsAddress.shown(edms.cmisUrl()));
        }
        EdmsConnection connection;
        try {
            connection = EdmsConnection.of(edms.cmisUrl(), credentials(), edms.plainHttpAllowed())
                    .withTimeouts(timeout, timeout);
            if (edms.trustStore() != null) {
                connection = connection.withTrustStore(Path.of(edms.trustStore()), null);
            }
        } catch (IllegalArgumentException | IOException e) {
            return CheckResult.of(NAME, CheckStatus.FAIL, "the EDMS settings are unusable: " + e.getMessage());
        }
        try (CmisBrowserClient client = new CmisBrowserClient(connection)) {
            RepositoryInfo info = client.repositoryInfo();
            return CheckResult.of(NAME, CheckStatus.OK, "reached repository '" + info.id() + "' at " + EdmsAddress.shown(edms.cmisUrl()),
                    "server: " + info.productName() + " " + info.productVersion());
        } catch (EdmsException | RuntimeException e) {
            return CheckResult.of(NAME, CheckStatus.FAIL, "cannot reach the EDMS at " + EdmsAddress.shown(edms.cmisUrl()) + ": "
                    + e.getMessage() + ". Check the network, the URL and the account; batches wait in the store meanwhile.");
        }
    }

    private EdmsCredentials credentials() throws IOException {
        if (edms.user() == null || edms.user().isBlank()) {
            return EdmsCredentials.none();
        }
        String password = null;
        if (edms.passwordEnv() != null) {
            password = System.getenv(edms.passwordEnv());
            if (password == null) {
                throw new IOException("the environment variable " + edms.passwordEnv() + " (edms.passwordEnv) is not set");
            }
        } else if (edms.passwordFile() != null) {
            password = Files.readString(Path.of(edms.passwordFile())).strip();
        }
        if (password == null) {
            throw new IOException("edms.user is set but neither edms.passwordEnv nor edms.passwordFile says where its password is");
        }
        return new EdmsCredentials.Basic(edms.user(), password);
    }
}
