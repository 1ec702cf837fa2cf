package org.scanstation.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The configuration in force, with where it came from.
 *
 * @param locked       setting paths IT has locked (e.g. {@code edms.cmisUrl}, or a whole section {@code edms})
 * @param userIgnored  settings in the user's file that were not applied because IT locked them
 * @param machineFile  the machine-wide file that was read, or null
 * @param userFile     the user's file that was read, or null
 */
public record EffectiveConfig(StationConfig config, Set<String> locked, List<String> userIgnored, Path machineFile,
                              Path userFile) {

    /** True when the user may not change this setting (it, or a section above it, is locked). */
    public boolean isLocked(String path) {
        return ConfigLoader.isLocked(path, locked);
    }
}
