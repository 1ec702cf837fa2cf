package org.scanstation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.StationConfig;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import picocli.CommandLine.Option;

/** Where the EDMS is and how to sign in: the options {@code upload} and {@code audit --verify} share. */
final class EdmsOptions {

    @Option(names = "--cmis", paramLabel = "URL",
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

    boolean given() {
        return cmisUrl != null;
    }

    /** The folder root as path segments. */
    List<String> folderRoot() throws CliException {
        List<String> root = EdmsConnection.parseFolderPath(folderRoot);
        if (root.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "--folder-root must name a folder, e.g. /ScanStation");
        }
        return root;
    }

    /** The connection the options describe; {@code --cmis} must have been given. */
    EdmsConnection connection() throws CliException {
        if (cmisUrl == null) {
            throw new CliException(ExitCode.USAGE, "Missing required option: '--cmis=URL'");
        }
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
}
