package org.scanstation.gui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.gui.SessionViewModel;
import org.scanstation.station.SettingsCheck;

/**
 * The settings screen: the EDMS, the patient index, the document store, the supervisor's idle time-out,
 * the default scanner (chosen from the scanners found) and the scan profiles (editable). Settings IT locked
 * in the machine-wide file are read-only with a note. Those deciding where patient data comes from or goes
 * need a signed-in supervisor. Every value is checked when saved, the way the station will use it; a
 * value that will not do is refused with the reason beside it and nothing is written. What is saved goes
 * to the user's own file (only what changed) and applies at the next start. Secrets are never shown: only
 * where they are kept.
 */
public final class SettingsViewModel {

    public static final String LOCKED_NOTE = "Read-only: locked by IT in the machine-wide configuration";
    public static final String SUPERVISOR_NOTE = "A supervisor signs in (Review screen) to change this";
    /** What a supervisor-only row says while a supervisor is signed in. */
    public static final String SUPERVISOR_SIGNED_IN_NOTE = "Supervisor only: checked and recorded when saved";

    private final EffectiveConfig effective;
    private final Path userFile;
    private final SessionViewModel session;
    private final Executor ui;
    private final Executor background;
    private final ObservableList<SettingRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ProfileRow> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> scanners = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty connectionResult = new SimpleStringProperty("");
    private final List<StationConfig.ScanProfile> savedProfiles;

    public SettingsViewModel(EffectiveConfig effective, Path userFile, SessionViewModel session, Executor ui,
                             Executor background) {
        this.effective = effective;
        this.userFile = userFile;
        this.session = session;
        this.ui = ui;
        this.background = background;
        StationConfig c = effective.config();
        StationConfig.Edms e = c.edms() == null ? new StationConfig.Edms(null, null, null, null, null, null, null) : c.edms();
        StationConfig.PatientIndexSource pi = c.patientIndex();
        StationConfig.Store st = c.store();
        add("edms.cmisUrl", "CMIS address", "EDMS (where documents go)", SettingRow.Kind.TEXT, e.cmisUrl());
        add("edms.folderRoot", "Folder in the EDMS", "EDMS (where documents go)", SettingRow.Kind.TEXT, e.folderRoot());
        add("edms.user", "User name", "EDMS (where documents go)", SettingRow.Kind.TEXT, e.user());
        add("edms.passwordEnv", "Password: environment variable", "EDMS (where documents go)", SettingRow.Kind.TEXT,
                e.passwordEnv());
        add("edms.passwordFile", "Password: protected file", "EDMS (where documents go)", SettingRow.Kind.FILE,
                e.passwordFile());
        add("edms.trustStore", "Certificate trust store", "EDMS (where documents go)", SettingRow.Kind.FILE, e.trustStore());
        add("patientIndex.store", "Index folder (imported by IT)", "Patient index (where patients come from)",
                SettingRow.Kind.FOLDER, pi == null ? null : pi.store());
        add("patientIndex.csv", "Or: PAS extract (CSV)", "Patient index (where patients come from)", SettingRow.Kind.FILE,
                pi == null ? null : pi.csv());
        add("store.path", "Document store folder", "On this PC", SettingRow.Kind.FOLDER, st == null ? null : st.path());
        add("store.retentionDays", "Days to keep uploaded documents", "On this PC", SettingRow.Kind.NUMBER,
                st == null || st.retentionDays() == null ? null : st.retentionDays().toString());
        add("supervisor.idleMinutes", "Sign a supervisor out after (minutes idle)", "On this PC", SettingRow.Kind.NUMBER,
                Integer.toString(c.supervisor() == null ? StationConfig.Supervisor.DEFAULT_IDLE_MINUTES
                        : c.supervisor().idleMinutesOrDefault()));
        add("scanner.defaultDevice", "Default scanner", "Scanner", SettingRow.Kind.TEXT,
                c.scanner() == null ? null : c.scanner().defaultDevice());
        savedProfiles = c.scanner() == null || c.scanner().profiles() == null ? List.of() : c.scanner().profiles();
        savedProfiles.forEach(p -> profiles.add(ProfileRow.of(p)));
        if (c.scanner() != null && c.scanner().defaultDevice() != null) {
            scanners.add(c.scanner().defaultDevice());
        }
    }

    private void add(String path, String label, String section, SettingRow.Kind kind, String value) {
        boolean locked = effective.isLocked(path);
        boolean supervisor = SettingsCheck.supervisorOnly(path);
        rows.add(new SettingRow(path, label, section, kind, value, locked, supervisor,
                locked ? LOCKED_NOTE : supervisor ? SUPERVISOR_NOTE : ""));
    }

    /** The note shown beside a row now: it follows sign-in (a signed-in supervisor is not told to sign in). */
    public javafx.beans.binding.StringBinding noteShown(SettingRow row) {
        return Bindings.createStringBinding(() -> row.supervisorOnly() && !row.locked()
                && session.supervisorSignedIn().get() ? SUPERVISOR_SIGNED_IN_NOTE : row.note(), session.supervisorSignedIn());
    }

    /** True when the person at the station may change this row now. */
    public BooleanBinding editable(SettingRow row) {
        return Bindings.createBooleanBinding(() -> !row.locked() && (!row.supervisorOnly()
                || session.supervisorSignedIn().get()), session.supervisorSignedIn());
    }

    /** The scanners found, for the default scanner's list (the window adds them as the drivers report them). */
    public ObservableList<String> scanners() {
        return scanners;
    }

    // ---------------------------------------------------------------- saving

    /**
     * Checks every changed value, refuses them all (nothing written, each reason beside its field) when one
     * will not do or needs a supervisor, else writes the changes to the user's file and checks the file loads.
     */
    public boolean save() {
        List<String> problems = new ArrayList<>();
        boolean plainHttp = effective.config().edms() != null && effective.config().edms().plainHttpAllowed();
        String user = row("edms.user").value().get();
        for (SettingRow r : rows) {
            r.error().set("");
            if (!r.changed()) {
                continue;
            }
            Optional<String> p;
            if (r.locked()) {
                p = Optional.of(r.label() + " is locked by IT and was not changed.");
                r.value().set(r.saved());
            } else if (r.supervisorOnly() && !session.supervisorSignedIn().get()) {
                p = Optional.of(r.label() + ": only a signed-in supervisor may change where patient data comes from or"
                        + " goes.");
            } else {
                p = SettingsCheck.problem(r.path(), r.value().get(), plainHttp, user);
            }
            p.ifPresent(text -> {
                r.error().set(text);
                problems.add(text);
            });
        }
        boolean profilesChanged = profilesChanged();
        if (profilesChanged) {
            if (profilesLocked()) {
                problems.add("Scanner profiles are locked by IT.");
            }
            if (profiles.isEmpty()) {
                problems.add("Keep at least one scan profile.");
            }
            List<String> names = new ArrayList<>();
            for (ProfileRow p : profiles) {
                SettingsCheck.profileProblem(p.profile()).ifPresent(problems::add);
                if (names.contains(p.profile().name())) {
                    problems.add("Two scan profiles are called '" + p.profile().name() + "'.");
                }
                names.add(p.profile().name());
            }
        }
        if (!problems.isEmpty()) {
            message.set("Not saved: " + String.join(" ", problems));
            return false;
        }
        if (rows.stream().noneMatch(SettingRow::changed) && !profilesChanged) {
            message.set("Nothing changed.");
            return true;
        }
        return write(profilesChanged);
    }

    private boolean write(boolean profilesChanged) {
        ObjectMapper json = new ObjectMapper();
        byte[] before = null;
        try {
            before = Files.isRegularFile(userFile) ? Files.readAllBytes(userFile) : null;
            ObjectNode root = before != null ? (ObjectNode) json.readTree(before) : json.createObjectNode();
            List<String> saved = new ArrayList<>();
            for (SettingRow r : rows) {
                if (r.locked() || !r.changed()) {
                    continue;
                }
                String[] parts = r.path().split("\\.");
                ObjectNode section = root.has(parts[0]) && root.get(parts[0]).isObject()
                        ? (ObjectNode) root.get(parts[0]) : root.putObject(parts[0]);
                String v = r.value().get().trim();
                if (v.isEmpty()) {
                    section.remove(parts[1]);
                } else if (r.kind() == SettingRow.Kind.NUMBER) {
                    section.put(parts[1], Integer.parseInt(v));
                } else {
                    section.put(parts[1], v);
                }
                saved.add(r.label());
            }
            if (profilesChanged) {
                ObjectNode scanner = root.has("scanner") && root.get("scanner").isObject()
                        ? (ObjectNode) root.get("scanner") : root.putObject("scanner");
                ArrayNode list = scanner.putArray("profiles");
                for (ProfileRow p : profiles) {
                    list.addPOJO(p.profile());
                }
                saved.add("scan profiles");
            }
            Path parent = userFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            json.writerWithDefaultPrettyPrinter().writeValue(userFile.toFile(), root);
            // the file must load as the station will load it at the next start
            new ConfigLoader().load(effective.machineFile(), userFile);
            message.set("Saved (" + String.join(", ", saved) + ") to " + userFile
                    + ". Changes apply when the station starts again.");
            return true;
        } catch (IOException | ClassCastException | ConfigException | NumberFormatException e) {
            restore(before);
            message.set("Not saved: " + e.getMessage() + ". Your settings file is as it was.");
            return false;
        }
    }

    private void restore(byte[] before) {
        try {
            if (before == null) {
                Files.deleteIfExists(userFile);
            } else {
                Files.write(userFile, before);
            }
        } catch (IOException e) {
            message.set("The settings file " + userFile + " could not be put back: " + e.getMessage());
        }
    }

    private boolean profilesChanged() {
        if (profiles.size() != savedProfiles.size()) {
            return true;
        }
        for (int i = 0; i < profiles.size(); i++) {
            if (!profiles.get(i).profile().equals(savedProfiles.get(i))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- profiles

    public void addProfile() {
        if (!profilesLocked()) {
            profiles.add(ProfileRow.blank());
        }
    }

    public void removeProfile(ProfileRow p) {
        if (!profilesLocked()) {
            profiles.remove(p);
        }
    }

    // ---------------------------------------------------------------- test connection

    /** Asks the EDMS the fields describe (as typed, not yet saved) whether it answers; the answer in words. */
    public void testConnection() {
        connectionResult.set("Asking the EDMS ...");
        StationConfig.Edms now = new StationConfig.Edms(value("edms.cmisUrl"), value("edms.folderRoot"),
                value("edms.user"), value("edms.passwordEnv"), value("edms.passwordFile"), value("edms.trustStore"),
                false, effective.config().edms() != null && effective.config().edms().plainHttpAllowed());
        background.execute(() -> {
            String answer = SettingsCheck.testConnection(now);
            ui.execute(() -> connectionResult.set(answer));
        });
    }

    private String value(String path) {
        String v = row(path).value().get().trim();
        return v.isEmpty() ? null : v;
    }

    public SettingRow row(String path) {
        return rows.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    public ObservableList<SettingRow> rows() {
        return rows;
    }

    public ObservableList<ProfileRow> profiles() {
        return profiles;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty connectionResultProperty() {
        return connectionResult;
    }

    public boolean profilesLocked() {
        return effective.isLocked("scanner.profiles");
    }

    public SessionViewModel session() {
        return session;
    }
}
