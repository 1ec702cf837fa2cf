package org.scanstation.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * IT's machine-wide file: the only source of local accounts, of the locks on settings and of the
 * settings only IT may make (see {@link ConfigLoader#MACHINE_ONLY}). It lives at a fixed place
 * ({@code /etc/scanstation/station.json}; Windows {@code %ProgramData%\ScanStation\station.json}),
 * and is refused when the user running the station could have written it: on Linux when the user
 * owns it or can write it, or owns or can write (outside a sticky folder) any folder above it; on
 * Windows when the user can write it. Root (IT) may use any file.
 *
 * <p>For tests and IT's trials only, the system property {@value #TEST_OVERRIDE} names another file.
 * It is honoured when the process runs as root, or when that file is owned by root and passes the
 * same check; a clerk can neither write such a file nor make one. Nothing else (no
 * {@code --config}, no {@code -Dscanstation.config}) can stand in for this file.
 */
public final class MachineFile {

    /** System property naming a stand-in machine-wide file (root, or a root-owned file, only). */
    public static final String TEST_OVERRIDE = "scanstation.machineConfig";

    private MachineFile() {
    }

    /** The fixed place of this platform. */
    public static Path fixedPath() {
        if (ConfigLoader.isWindows()) {
            String programData = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
            return Path.of(programData, "ScanStation", "station.json");
        }
        return Path.of("/etc/scanstation/station.json");
    }

    /** The file the station would read: the fixed place, or the stand-in named by {@value #TEST_OVERRIDE}. */
    public static Path candidate() {
        String override = System.getProperty(TEST_OVERRIDE);
        return override == null || override.isBlank() ? fixedPath() : Path.of(override).toAbsolutePath();
    }

    /**
     * The machine-wide file in force, checked.
     *
     * @throws ConfigException when this user could have written it, or a stand-in is not acceptable
     */
    public static Path inForce() throws ConfigException {
        Path file = candidate();
        check(file, PosixIdentity.ofThisProcess(), !file.equals(fixedPath()));
        return file;
    }

    /** Checks the file the station would read; see the class comment. */
    static void check(Path file, Optional<PosixIdentity> who, boolean standIn) throws ConfigException {
        if (who.isEmpty()) {
            if (standIn) {
                throw new ConfigException(file + ": -D" + TEST_OVERRIDE + " is only honoured on Linux;"
                        + " the machine-wide file is " + fixedPath());
            }
            if (Files.exists(file) && Files.isWritable(file)) {
                throw new ConfigException(writableByUser(file, file));
            }
            return;
        }
        PosixIdentity user = who.get();
        if (user.isRoot()) {
            return;
        }
        try {
            if (standIn && (!Files.exists(file)
                    || (int) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS) != 0)) {
                throw new ConfigException(file + ": -D" + TEST_OVERRIDE + " names a file that is not owned by root:"
                        + " only IT's files can stand in for " + fixedPath());
            }
            Path real = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
            if (Files.exists(real) && (user.owns(real) || user.canWrite(real))) {
                throw new ConfigException(writableByUser(file, real));
            }
            for (Path folder = real.getParent(); folder != null; folder = folder.getParent()) {
                if (!Files.exists(folder)) {
                    continue;
                }
                if (user.owns(folder) || user.canReplaceEntriesOf(folder)) {
                    throw new ConfigException(writableByUser(file, folder));
                }
            }
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot check who may change it (" + e.getMessage() + ")", e);
        }
    }

    private static String writableByUser(Path file, Path because) {
        return file + ": this user can change " + (because.equals(file) ? "it" : because)
                + ", so it is not trusted for accounts and locks. IT: make the file and every folder above it"
                + " owned by root and writable only by root (e.g. chown root:root; chmod 644 the file, 755 the folders)";
    }
}
