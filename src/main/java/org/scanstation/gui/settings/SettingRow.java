package org.scanstation.gui.settings;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One setting on the settings screen.
 *
 * @param path           the configuration path, e.g. {@code edms.cmisUrl}
 * @param kind           how it is entered: typed, a file or folder chosen with Browse, a number
 * @param locked         true when IT locked it in the machine-wide configuration: shown read-only with a note
 * @param supervisorOnly it decides where patient data comes from or goes: only a signed-in supervisor changes it
 * @param saved          the value in force (what "changed" is measured against)
 * @param error          why the value typed was refused when saved, or empty
 */
public record SettingRow(String path, String label, String section, Kind kind, StringProperty value, String saved,
                         boolean locked, boolean supervisorOnly, String note, StringProperty error) {

    /** How a setting is entered. */
    public enum Kind {
        TEXT, FILE, FOLDER, NUMBER
    }

    public SettingRow(String path, String label, String section, Kind kind, String value, boolean locked,
                      boolean supervisorOnly, String note) {
        this(path, label, section, kind, new SimpleStringProperty(value == null ? "" : value), value == null ? "" : value,
                locked, supervisorOnly, note, new SimpleStringProperty(""));
    }

    /** True when the value differs from the one in force. */
    public boolean changed() {
        return !value.get().trim().equals(saved.trim());
    }
}
