package org.scanstation.gui.settings;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.scanstation.config.StationConfig;

/** A scan profile being edited: name, resolution, colour mode, paper source. */
public record ProfileRow(StringProperty name, StringProperty resolution, StringProperty mode, StringProperty source) {

    public static ProfileRow of(StationConfig.ScanProfile p) {
        return new ProfileRow(new SimpleStringProperty(p.name() == null ? "" : p.name()),
                new SimpleStringProperty(p.resolution() == null ? "300" : p.resolution().toString()),
                new SimpleStringProperty(p.mode() == null ? "gray" : p.mode()),
                new SimpleStringProperty(p.source() == null ? "adf" : p.source()));
    }

    public static ProfileRow blank() {
        return of(new StationConfig.ScanProfile("New profile", 300, "gray", "adf"));
    }

    /** The profile as it would be saved (a resolution that is not a number becomes null, which the check refuses). */
    public StationConfig.ScanProfile profile() {
        Integer dpi;
        try {
            dpi = Integer.valueOf(resolution.get().trim());
        } catch (NumberFormatException e) {
            dpi = null;
        }
        return new StationConfig.ScanProfile(name.get().trim(), dpi, mode.get(), source.get());
    }
}
