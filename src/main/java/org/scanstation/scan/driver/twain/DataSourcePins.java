package org.scanstation.scan.driver.twain;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Keeps TWAIN data sources loaded once loaded (Linux). The manager loads every data source to read
 * its identity and unloads it again, at each session. A data source whose libraries register
 * callbacks in a shared library (the sample source's FreeImage sets a libtiff tag extender) then
 * leaves that library pointing into unloaded code, and the next user of it in this process
 * (Leptonica, under Tesseract) crashes the JVM. Loading each data source once ourselves with
 * {@code RTLD_NODELETE}, before the manager does, means the manager's unloading never unmaps it.
 *
 * <p>The manager looks in one folder fixed when it was built ({@code /usr/local/lib/twain} for the
 * standard build); the folders tried are {@code twain/} beside the manager's library, then
 * {@code /usr/local/lib/twain} and {@code /usr/lib/twain}. Like the manager, only regular
 * {@code *.ds} files count (it ignores symbolic links).
 */
final class DataSourcePins {

    private static final Logger LOG = Logger.getLogger(DataSourcePins.class.getName());
    private static final int RTLD_LAZY = 0x0001;
    private static final int RTLD_NODELETE = 0x1000;
    private static final Set<Path> PINNED = ConcurrentHashMap.newKeySet();
    private static final List<NativeLibrary> KEPT = new java.util.concurrent.CopyOnWriteArrayList<>();

    private DataSourcePins() {
    }

    /** Pins every data source the manager loaded from {@code dsmLibrary} will find; returns those newly pinned. */
    static List<Path> pin(String dsmLibrary) {
        if (!Platform.isLinux()) {
            return List.of();
        }
        List<Path> newlyPinned = new ArrayList<>();
        for (Path dir : folders(dsmLibrary)) {
            for (Path ds : dataSources(dir)) {
                Path key = ds.toAbsolutePath().normalize();
                if (PINNED.contains(key)) {
                    continue;
                }
                try {
                    KEPT.add(NativeLibrary.getInstance(key.toString(),
                            Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NODELETE)));
                    PINNED.add(key);
                    newlyPinned.add(key);
                } catch (UnsatisfiedLinkError e) {
                    // the manager will not load it either; it says so when it is used
                    LOG.log(Level.FINE, "TWAIN data source " + key + " cannot be loaded", e);
                }
            }
        }
        return newlyPinned;
    }

    private static Set<Path> folders(String dsmLibrary) {
        Set<Path> out = new LinkedHashSet<>();
        try {
            File file = NativeLibrary.getInstance(dsmLibrary).getFile();
            if (file != null) {
                out.add(file.toPath().toRealPath().getParent().resolve("twain"));
                out.add(file.toPath().getParent().resolve("twain"));
            }
        } catch (UnsatisfiedLinkError | IOException | RuntimeException e) {
            LOG.log(Level.FINE, "where the TWAIN manager lives is unknown", e);
        }
        out.add(Path.of("/usr/local/lib/twain"));
        out.add(Path.of("/usr/lib/twain"));
        return out;
    }

    private static List<Path> dataSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 4)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ds"))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot list TWAIN data sources in " + dir, e);
            return List.of();
        }
    }
}
