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
 */
public record EdmsConnection(String url, String repositoryId, EdmsCredentials credentials, Path trustStore,
                             char[] trustStorePassword, Duration connectTimeout,
                             Duration readTimeout) {

    public EdmsConnection {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("the EDMS URL must start with http:// or https://");
        }
        credentials = credentials == null ? EdmsCredentials.none() : credentials;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }

    /** Defaults: first repository, JDK trust store, 10 s connect, 60 s read time-outs. */
    public static EdmsConnection of(String url, EdmsCredentials credentials) {
        return new EdmsConnection(url, null, credentials, null, null, null, null);
    }

    public EdmsConnection withTimeouts(Duration connect, Duration read) {
        return new EdmsConnection(url, repositoryId, credentials, trustStore, trustStorePassword, connect, read);
    }

    public EdmsConnection withTrustStore(Path store, char[] password) {
        return new EdmsConnection(url, repositoryId, credentials, store, password, connectTimeout, readTimeout);
    }

    /** Parses a folder path like {@code /ScanStation/Scanned} into segments. */
    public static List<String> parseFolderPath(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "EdmsConnection[" + url + ", repository=" + repositoryId + ", " + credentials + "]";
    }
}
