package org.scanstation.station;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.scanstation.config.StationConfig;
import org.scanstation.match.PatientIndex;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.store.PatientIndexes;
import org.scanstation.scan.DeviceUri;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import org.scanstation.upload.EdmsException;
import org.scanstation.upload.RepositoryInfo;
import org.scanstation.upload.cmis.CmisBrowserClient;

/**
 * Checks a setting's value before it is saved, the way the station will use it: a folder or file must be
 * there and readable, a patient index must open, an EDMS address must be one the station would send to,
 * numbers must be in range. A problem is a sentence naming the value; a value that will do is empty.
 * Also "Test connection": asks the EDMS the settings describe whether it answers.
 */
public final class SettingsCheck {

    /** Settings that decide where patient data comes from or goes: only a supervisor (or IT) changes them. */
    public static final Set<String> SUPERVISOR_ONLY_SECTIONS = Set.of("edms", "patientIndex", "store", "supervisor");

    private SettingsCheck() {
    }

    /** True when changing {@code path} needs a signed-in supervisor. */
    public static boolean supervisorOnly(String path) {
        return SUPERVISOR_ONLY_SECTIONS.contains(path.split("\\.")[0]);
    }

    /**
     * The problem with {@code value} for the setting {@code path}, or empty when it will do. An empty value
     * means "not set" (the default) and is fine, except where a value is needed.
     *
     * @param plainHttpAllowed IT allows credentials over plain http to another PC (machine-wide file)
     * @param user             the EDMS user name being saved with it (decides whether a password travels)
     */
    public static Optional<String> problem(String path, String value, boolean plainHttpAllowed, String user) {
        String v = value == null ? "" : value.trim();
        switch (path) {
            case "edms.cmisUrl" -> {
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                try {
                    EdmsCredentials c = user == null || user.isBlank() ? EdmsCredentials.none()
                            : new EdmsCredentials.Basic(user.trim(), "");
                    EdmsConnection.of(v, c, plainHttpAllowed);
                    return Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.of("The EDMS address cannot be used: " + e.getMessage());
                }
            }
            case "edms.folderRoot" -> {
                if (!v.isEmpty() && (!v.startsWith("/") || v.contains("//") || v.matches(".*[\\\\:*?\"<>|].*"))) {
                    return Optional.of("The EDMS folder must be a path like /ScanStation/Records (starting with /, no"
                            + " empty parts, none of \\ : * ? \" < > |).");
                }
                return Optional.empty();
            }
            case "edms.user" -> {
                return v.chars().anyMatch(Character::isISOControl) ? Optional.of("The user name has control characters.")
                        : Optional.empty();
            }
            case "edms.passwordEnv" -> {
                if (!v.isEmpty() && !v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    return Optional.of("'" + v + "' is not the name of an environment variable (letters, digits and _).");
                }
                return Optional.empty();
            }
            case "edms.passwordFile", "edms.trustStore" -> {
                return v.isEmpty() ? Optional.empty() : readableFile(v, path.endsWith("passwordFile")
                        ? "The password file" : "The trust store");
            }
            case "patientIndex.store" -> {
                return v.isEmpty() ? Optional.empty() : patientIndex(new StationConfig.PatientIndexSource(null, v, null));
            }
            case "patientIndex.csv" -> {
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                Optional<String> file = readableFile(v, "The patient index extract");
                return file.isPresent() ? file : extractHeader(Path.of(v));
            }
            case "store.path" -> {
                return v.isEmpty() ? Optional.empty() : storeFolder(v);
            }
            case "store.retentionDays" -> {
                return v.isEmpty() ? Optional.empty() : number(v, 0, 3650, "Days to keep uploaded documents");
            }
            case "supervisor.idleMinutes" -> {
                return v.isEmpty() ? Optional.empty() : number(v, 1, 480, "The supervisor's idle time-out (minutes)");
            }
            case "scanner.defaultDevice" -> {
                if (v.isEmpty()) {
                    return Optional.of("Choose the scanner the station starts with.");
                }
                try {
                    DeviceUri.parse(v);
                    return Optional.empty();
                } catch (RuntimeException e) {
                    return Optional.of("'" + v + "' is not a scanner the station knows: " + StationEvents.messageOf(e));
                }
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The problem with a scan profile, or empty. */
    public static Optional<String> profileProblem(StationConfig.ScanProfile p) {
        if (p.name() == null || p.name().isBlank()) {
            return Optional.of("A scan profile needs a name.");
        }
        if (p.resolution() == null || p.resolution() < 50 || p.resolution() > 1200) {
            return Optional.of("Profile '" + p.name() + "': the resolution must be 50 to 1200 dpi.");
        }
        if (p.mode() == null || !Set.of("gray", "color", "lineart").contains(p.mode())) {
            return Optional.of("Profile '" + p.name() + "': the colour mode must be gray, color or lineart.");
        }
        if (p.source() == null || !Set.of("flatbed", "adf", "duplex").contains(p.source())) {
            return Optional.of("Profile '" + p.name() + "': the paper source must be flatbed, adf or duplex.");
        }
        return Optional.empty();
    }

    private static Optional<String> readableFile(String v, String what) {
        try {
            Path p = Path.of(v);
            if (!Files.isRegularFile(p)) {
                return Optional.of(what + " " + v + " does not exist (or is not a file).");
            }
            if (!Files.isReadable(p)) {
                return Optional.of(what + " " + v + " cannot be read by this user.");
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of(what + " '" + v + "' is not a valid path.");
        }
    }

    private static Optional<String> patientIndex(StationConfig.PatientIndexSource source) {
        Path folder = Path.of(source.store());
        if (!Files.isDirectory(folder)) {
            return Optional.of("The patient index folder " + folder + " does not exist.");
        }
        try (PatientIndex index = PatientIndexes.openConfigured(source).orElseThrow()) {
            return Optional.empty();
        } catch (PatientIndexException | RuntimeException e) {
            return Optional.of("The patient index in " + folder + " cannot be opened: " + StationEvents.messageOf(e));
        }
    }

    /** The extract's first line must name the columns the import needs. */
    private static Optional<String> extractHeader(Path csv) {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.ISO_8859_1)) {
            String header = r.readLine();
            String h = header == null ? "" : header.toLowerCase().replace("\ufeff", "").replace("\u00ef\u00bb\u00bf", "");
            for (String column : new String[]{"nhs_number", "mrn", "family_name", "given_name", "date_of_birth"}) {
                if (!h.contains(column)) {
                    return Optional.of("The patient index extract " + csv + " has no '" + column + "' column in its"
                            + " first line: is it the PAS extract?");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("The patient index extract " + csv + " cannot be read: " + StationEvents.messageOf(e));
        }
    }

    private static Optional<String> storeFolder(String v) {
        try {
            Path p = Path.of(v).toAbsolutePath();
            Path existing = p;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing)) {
                return Optional.of("The document store folder " + v + " cannot be made there.");
            }
            if (!Files.isWritable(existing)) {
                return Optional.of("The document store folder " + v + " is not writable by this user.");
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("'" + v + "' is not a valid folder.");
        }
    }

    private static Optional<String> number(String v, int min, int max, String what) {
        try {
            int n = Integer.parseInt(v);
            return n < min || n > max ? Optional.of(what + " must be " + min + " to " + max + ", not " + n + ".")
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(what + " must be a whole number, not '" + v + "'.");
        }
    }

    /**
     * Asks the EDMS the settings describe for its repository (short time-outs): a sentence saying whether
     * it answers. Network: call off the UI thread.
     */
    public static String testConnection(StationConfig.Edms edms) {
        if (edms.cmisUrl() == null || edms.cmisUrl().isBlank()) {
            return "No EDMS address is set: documents would be kept on this PC.";
        }
        EdmsConnection connection;
        try {
            connection = StationFactory.connection(edms).withTimeouts(StationFactory.CHECK_TIMEOUT,
                    StationFactory.CHECK_TIMEOUT);
        } catch (IllegalArgumentException | StationException e) {
            return "Not tried: " + StationEvents.messageOf(e);
        }
        try (CmisBrowserClient client = new CmisBrowserClient(connection)) {
            RepositoryInfo info = client.repositoryInfo();
            return "The EDMS answers: repository " + info.id() + (info.productName() == null ? ""
                    : " (" + info.productName() + (info.productVersion() == null ? "" : " " + info.productVersion()) + ")")
                    + ".";
        } catch (EdmsException | RuntimeException e) {
            return "The EDMS does not answer: " + StationEvents.messageOf(e);
        }
    }
}
