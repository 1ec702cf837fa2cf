package org.scanstation.gui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;

/**
 * The settings screen: scanner profiles, EDMS target, patient index, store. Settings IT locked in the
 * machine-wide file are read-only with a note; the others are saved to the user's own file and apply
 * at the next start. Secrets are never shown: only where they are kept.
 */
public final class SettingsViewModel {

    public static final String LOCKED_NOTE = "Read-only: locked by IT in the machine-wide configuration";

    private final EffectiveConfig effective;
    private final Path userFile;
    private final ObservableList<SettingRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public SettingsViewModel(EffectiveConfig effective, Path userFile) {
        this.effective = effective;
        this.userFile = userFile;
        StationConfig c = effective.config();
        StationConfig.Edms e = c.edms() == null ? new StationConfig.Edms(null, null, null, null, null, null, null) : c.edms();
        add("edms.cmisUrl", "CMIS URL", "EDMS", e.cmisUrl());
        add("edms.folderRoot", "Folder", "EDMS", e.folderRoot());
        add("edms.user", "User name", "EDMS", e.user());
        String secret = e.passwordEnv() != null ? "environment variable " + e.passwordEnv()
                : e.passwordFile() != null ? "protected file " + e.passwordFile() : "not set";
        rows.add(new SettingRow("edms.password", "Password kept in", "EDMS", secret, true,
                "Never stored in the settings: only where it is kept"));
        add("patientIndex.store", "Patient index folder (imported by IT)", "Patient index",
                c.patientIndex() == null ? null : c.patientIndex().store());
        add("patientIndex.csv", "Patient index (CSV export)", "Patient index",
                c.patientIndex() == null ? null : c.patientIndex().csv());
        add("scanner.defaultDevice", "Default scanner", "Scanner", c.scanner() == null ? null : c.scanner().defaultDevice());
        add("store.path", "Document store folder", "Store", c.store() == null ? null : c.store().path());
        if (c.scanner() != null && c.scanner().profiles() != null) {
            for (StationConfig.ScanProfile p : c.scanner().profiles()) {
                profiles.add(describe(p));
            }
        }
        if (effective.isLocked("scanner.profiles")) {
            message.set("Scanner profiles are locked by IT.");
        }
    }

    private void add(String path, String label, String section, String value) {
        boolean locked = effective.isLocked(path);
        rows.add(new SettingRow(path, label, section, value, locked, locked ? LOCKED_NOTE : ""));
    }

    static String describe(StationConfig.ScanProfile p) {
        return p.name() + ": " + (p.resolution() == null ? 300 : p.resolution()) + " dpi, " + p.mode() + ", "
                + p.source();
    }

    /** Writes the changed, unlocked settings to the user's file; they apply at the next start. */
    public boolean save() {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode root = Files.isRegularFile(userFile) ? (ObjectNode) json.readTree(userFile.toFile())
                    : json.createObjectNode();
            List<String> saved = new ArrayList<>();
            for (SettingRow r : rows) {
                if (r.locked()) {
                    continue;
                }
                String[] parts = r.path().split("\\.");
                ObjectNode section = root.has(parts[0]) && root.get(parts[0]).isObject()
                        ? (ObjectNode) root.get(parts[0]) : root.putObject(parts[0]);
                String v = r.value().get().trim();
                if (v.isEmpty()) {
                    section.remove(parts[1]);
                } else {
                    section.put(parts[1], v);
                }
                saved.add(r.label());
            }
            Files.createDirectories(userFile.toAbsolutePath().getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(userFile.toFile(), root);
            message.set("Saved to " + userFile + ". Changes apply when the station starts again.");
            return true;
        } catch (IOException | ClassCastException e) {
            message.set("The settings could not be saved to " + userFile + ": " + e.getMessage());
            return false;
        }
    }

    public ObservableList<SettingRow> rows() {
        return rows;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public boolean profilesLocked() {
        return effective.isLocked("scanner.profiles");
    }
}
