package org.scanstation.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.EffectiveConfig;

/** Loads the configuration the station would start with: which files were read, what IT locked. */
public final class ConfigCheck implements Check {

    static final String NAME = "Configuration";

    private final Path machineFile;
    private final Path userFile;
    private EffectiveConfig loaded;

    public ConfigCheck(Path machineFile, Path userFile) {
        this.machineFile = machineFile;
        this.userFile = userFile;
    }

    /** The configuration loaded by {@link #run()}, or null when it failed. */
    public EffectiveConfig loaded() {
        return loaded;
    }

    @Override
    public CheckResult run() {
        try {
            loaded = new ConfigLoader().load(machineFile, userFile);
        } catch (ConfigException e) {
            return CheckResult.of(NAME, CheckStatus.FAIL,
                    "the station will not start: " + e.getMessage() + ". Correct the file, then run doctor again.");
        }
        List<String> details = new ArrayList<>();
        details.add("machine-wide file: " + (loaded.machineFile() == null ? machineFile + " (not present)" : loaded.machineFile()));
        details.add("user file: " + (loaded.userFile() == null ? userFile + " (not present)" : loaded.userFile()));
        details.add("locked by IT: " + (loaded.locked().isEmpty() ? "nothing" : String.join(", ", new java.util.TreeSet<>(loaded.locked()))));
        if (!loaded.userIgnored().isEmpty()) {
            details.add("user settings not applied because IT locked them: " + String.join(", ", loaded.userIgnored()));
        }
        if (loaded.machineFile() == null) {
            return new CheckResult(NAME, CheckStatus.WARN,
                    "no machine-wide file at " + machineFile + ": running on built-in defaults", details);
        }
        return new CheckResult(NAME, CheckStatus.OK, "valid, station id '" + loaded.config().stationId() + "'", details);
    }
}
