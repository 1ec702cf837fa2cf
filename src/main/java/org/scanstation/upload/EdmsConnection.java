package org.scanstation.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where and how to reach the EDMS.
 *
 * @param url                the CMIS browser binding service URL, e.g. {@code https://edms.example/cmis/browser}
 * @param repositoryId       the repository to use, or null for the first one the server lists
 * @param credentials        Basic, Bearer or none
 * @param trustStore         a PKCS12/JKS trust store for the server's certificate, or null for the JDK's
 * @param trustStorePassword its password (may be null)
 * @param connectTimeout     TCP connect time-out
 * @param readTimeout        time-out waiting for the server between bytes of the answer
 * @param plainHttpAllowed   IT's machine-wide file allows credentials over plain http to another PC
 *                           ({@code edms.allowPlainHttp}); never from a user's settings
 */
public record EdmsConnection(String url, String repositoryId, EdmsCredentials credentials, Path trustStore,
                             char[] trustStorePassword, Duration connectTimeout,
                             Duration readTimeout, boolean plainHttpAllowed) {

    /**
     * @throws IllegalArgumentException when the URL is malformed or holds a user name or password (the
     *                                  message never repeats them), or credentials would go over plain
     *                                  http to another PC without IT's permission
     */
    public EdmsConnection {
        EdmsAddress address = EdmsAddress.parse(url);
        credentials = credentials == null ? EdmsCredentials.none() : credentials;
        if (!address.isHttps() && !(credentials instanceof EdmsCredentials.None) && !address.isLoopback()
                && !plainHttpAllowed) {
            throw new IllegalArgumentException("the EDMS at " + address + " would receive the account's password over"
                    + " plain http: use https://, or IT allows plain http in the machine-wide file (edms.allowPlainHttp)");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }

    public EdmsConnection(String url, String repositoryId, EdmsCredentials credentials, Path trustStore,
                          char[] trustStorePassword, Duration connectTimeout, Duration readTimeout) {
        this(url, repositoryId, credentials, trustStore, trustStorePassword, connectTimeout, readTimeout, false);
    }

    /** Defaults: first repository, JDK trust store, 10 s connect, 60 s read time-outs, plain http only to this PC. */
    public static EdmsConnection of(String url, EdmsCredentials credentials) {
        return of(url, credentials, false);
    }

    /** As {@link #of(String, EdmsCredentials)}; {@code plainHttpAllowed} only from IT's machine-wide file. */
    public static EdmsConnection of(String url, EdmsCredentials credentials, boolean plainHttpAllowed) {
        return new EdmsConnection(url, null, credentials, null, null, null, null, plainHttpAllowed);
    }

    /** The only origin requests go to. */
    public EdmsAddress address() {
        return EdmsAddress.parse(url);
    }

    public EdmsConnection withTimeouts(Duration connect, Duration read) {
        return new EdmsConnection(url, repositoryId, credentials, trustStore, trustStorePassword, connect, read,
                plainHttpAllowed);
    }

    public EdmsConnection withTrustStore(Path store, char[] password) {
        return new EdmsConnection(url, repositoryId, credentials, store, password, connectTimeout, readTimeout,
                plainHttpAllowed);
    }

    /** Parses a folder path like {@code /ScanStation/Scanned} into segments. */
    public static List<String> parseFolderPath(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "EdmsConnection[" + EdmsAddress.shown(url) + ", repository=" + repositoryId + ", " + credentials + "]";
    }
}
