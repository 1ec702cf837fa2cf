package org.scanstation.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who this process runs as on Linux (user id and group ids, read from {@code /proc/self/status}, which
 * no system property or environment variable can change), and what that user could do to a file:
 * write it, or own it (and so make it writable).
 */
record PosixIdentity(int uid, Set<Integer> gids) {

    private static final int STICKY = 01000;

    PosixIdentity {
        gids = Set.copyOf(gids);
    }

    /** This process, or empty where {@code /proc/self/status} cannot be read (not Linux). */
    static Optional<PosixIdentity> ofThisProcess() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try {
            Integer uid = null;
            Set<Integer> gids = new HashSet<>();
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    uid = Integer.parseInt(line.substring(4).trim().split("\\s+")[1]); // effective
                } else if (line.startsWith("Gid:")) {
                    gids.add(Integer.parseInt(line.substring(4).trim().split("\\s+")[1]));
                } else if (line.startsWith("Groups:")) {
                    for (String g : line.substring(7).trim().split("\\s+")) {
                        if (!g.isEmpty()) {
                            gids.add(Integer.parseInt(g));
                        }
                    }
                }
            }
            return uid == null ? Optional.empty() : Optional.of(new PosixIdentity(uid, gids));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean isRoot() {
        return uid == 0;
    }

    boolean owns(Path path) throws IOException {
        return isRoot() || (int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) == uid;
    }

    /** True when this user may write {@code path} by its mode bits (root may write anything). */
    boolean canWrite(Path path) throws IOException {
        if (isRoot()) {
            return true;
        }
        int mode = (int) Files.getAttribute(path, "unix:mode");
        int owner = (int) Files.getAttribute(path, "unix:uid");
        int group = (int) Files.getAttribute(path, "unix:gid");
        if (owner == uid) {
            return (mode & 0200) != 0;
        }
        if (gids.contains(group)) {
            return (mode & 0020) != 0;
        }
        return (mode & 0002) != 0;
    }

    /**
     * True when this user can replace or change an entry of {@code folder} they do not own: they can
     * write the folder and it is not sticky (a sticky folder such as /tmp lets only an entry's owner
     * rename or delete it).
     */
    boolean canReplaceEntriesOf(Path folder) throws IOException {
        if (!canWrite(folder)) {
            return false;
        }
        int mode = (int) Files.getAttribute(folder, "unix:mode");
        return (mode & STICKY) == 0 || owns(folder);
    }
}
