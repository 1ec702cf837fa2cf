package org.scanstation.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.MachineFile;

/** Loads the configuration the station would start with: which files were read, what IT locked. */
public final class ConfigCheck implements Check {

    static final String NAME = "Configuration";

    private final Path machineFile;
    private final List<Path> userLayers;
    private final boolean checkTrust;
    private EffectiveConfig loaded;

    /** Checks these files as they are. */
    public ConfigCheck(Path machineFile, Path userFile) {
        this(machineFile, List.of(userFile), false);
    }

    /**
     * @param checkTrust true to refuse, as the station does, a machine file this user could have written
     */
    public ConfigCheck(Path machineFile, List<Path> userLayers, boolean checkTrust) {
        this.machineFile = machineFile;
        this.userLayers = List.copyOf(userLayers);
        this.checkTrust = checkTrust;
    }

    /**
     * Checks a machine-wide file IT means to deploy, without applying it: is it valid, what does it lock,
     * how many accounts does it hold.
     */
    public static CheckResult candidate(Path file) {
        String name = "Candidate file";
        if (!java.nio.file.Files.isRegularFile(file)) {
            return CheckResult.of(name, CheckStatus.FAIL, file + " does not exist");
        }
        EffectiveConfig c;
        try {
            c = new ConfigLoader().loadLayers(file, List.of());
        } catch (ConfigException e) {
            return CheckResult.of(name, CheckStatus.FAIL, "not valid as a machine-wide file: " + e.getMessage());
        }
        int accounts = c.config().users() == null ? 0 : c.config().users().size();
        return CheckResult.of(name, CheckStatus.OK, file + " is valid as a machine-wide file (not in force until"
                        + " installed as " + MachineFile.fixedPath() + ", owned by root)",
                "it would lock: " + (c.locked().isEmpty() ? "nothing" : String.join(", ", new java.util.TreeSet<>(c.locked()))),
                "accounts in it: " + accounts);
    }

    /** The configuration loaded by {@link #run()}, or null when it failed. */
    public EffectiveConfig loaded() {
        return loaded;
    }

    @Override
    public CheckResult run() {
        try {
            if (checkTrust) {
                MachineFile.inForce();
            }
            loaded = new ConfigLoader().loadLayers(machineFile, userLayers);
        } catch (ConfigException e) {
            return CheckResult.of(NAME, CheckStatus.FAIL,
                    "the station will not start: " + e.getMessage() + ". Correct the file, then run doctor again.");
        }
        List<String> details = new ArrayList<>();
        details.add("machine-wide file: " + (loaded.machineFile() == null ? machineFile + " (not present)" : loaded.machineFile()));
        for (Path layer : userLayers) {
            details.add("user settings: " + layer + (java.nio.file.Files.exists(layer) ? "" : " (not present)"));
        }
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
