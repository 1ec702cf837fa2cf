package org.scanstation.gui.settings;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One setting on the settings screen.
 *
 * @param path   the configuration path, e.g. {@code edms.cmisUrl}
 * @param locked true when IT locked it in the machine-wide configuration: shown read-only with a note
 */
public record SettingRow(String path, String label, String section, StringProperty value, boolean locked,
                         String note) {

    public SettingRow(String path, String label, String section, String value, boolean locked, String note) {
        this(path, label, section, new SimpleStringProperty(value == null ? "" : value), locked, note);
    }
}
