package org.scanstation.scan.driver.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.driver.DriverSink;
import org.scanstation.scan.driver.ScanDriver;

/**
 * A hot folder, {@code watch:/path}: a multi-function device scans to a share and the station picks
 * the files up as they arrive, in natural order (numbers in names compared as numbers) among the files
 * ready at each poll.
 *
 * <ul>
 *   <li>Only completed files: a file is taken when its size and modification time were the same at
 *       two polls in a row and it can be opened; temporary names ({@code *.tmp}, {@code *.part},
 *       {@code *.crdownload}, {@code *.filepart}, {@code ~*}, {@code .*}) are ignored until renamed.</li>
 *   <li>Partial writes: a file that does not decode is retried when it changes; only when it has not
 *       changed for the settle time is it reported as rejected (not an image / damaged).</li>
 *   <li>Duplicates: a file with the same content (SHA-256) as one already taken is reported as a
 *       duplicate and not scanned again.</li>
 *   <li>Ends on cancel, or when nothing new arrived for the idle time-out.</li>
 * </ul>
 * Files are never moved or deleted.
 */
public final class HotFolderDriver implements ScanDriver {

    public static final String SCHEME = "watch";

    private static final List<String> TEMP_SUFFIXES = List.of(".tmp", ".temp", ".part", ".partial",
            ".crdownload", ".filepart", ".download", ".swp", "~");

    private final Duration pollInterval;
    private final Duration idleTimeout;
    private final Duration settleTime;

    /**
     * @param pollInterval time between looks at the folder
     * @param idleTimeout  the scan ends when nothing new arrived for this long
     * @param settleTime   how long an undecodable file must stay unchanged before it is reported
     *                     (a device may pause while writing)
     */
    public HotFolderDriver(Duration pollInterval, Duration idleTimeout, Duration settleTime) {
        this.pollInterval = pollInterval;
        this.idleTimeout = idleTimeout;
        this.settleTime = settleTime;
    }

    /** Polls every second, ends after 10 minutes without a new file, waits 10 s on a damaged file. */
    public static HotFolderDriver withDefaults() {
        return new HotFolderDriver(Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(10));
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<ScanDevice> listDevices() {
        return List.of();
    }

    @Override
    public ScanCapabilities capabilities(DeviceUri device) {
        FolderPaths.folderOf(device);
        return FolderDriver.fileCapabilities();
    }

    @Override
    public void scan(DeviceUri device, ScanOptions options, CancelToken cancel, DriverSink sink)
            throws InterruptedException {
        Path folder = FolderPaths.folderOf(device);
        new Watch(folder, options, cancel, sink).run();
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return FolderPaths.isIgnorable(file) || TEMP_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** What was last seen of a file. */
    private record Seen(long size, long modified, int stablePolls, long unchangedSinceNanos, boolean done) {
        boolean sameAs(long s, long m) {
            return size == s && modified == m;
        }
    }

    /** One run of the hot folder. */
    private final class Watch {
        private final Path folder;
        private final ScanOptions options;
        private final CancelToken cancel;
        private final DriverSink sink;
        private final Map<Path, Seen> files = new HashMap<>();
        private final Map<String, String> takenByHash = new HashMap<>();
        private long lastNewNanos = System.nanoTime();

        Watch(Path folder, ScanOptions options, CancelToken cancel, DriverSink sink) {
            this.folder = folder;
            this.options = options;
            this.cancel = cancel;
            this.sink = sink;
        }

        void run() throws InterruptedException {
            while (!cancel.isCancelled()) {
                sink.alive();
                poll();
                if (System.nanoTime() - lastNewNanos > idleTimeout.toNanos()) {
                    return;
                }
                Thread.sleep(pollInterval.toMillis());
            }
        }

        private void poll() throws InterruptedException {
            for (Path file : FolderDriver.filesInNameOrder(folder)) {
                if (cancel.isCancelled()) {
                    return;
                }
                if (isTemporary(file)) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // vanished or renamed between listing and looking
                }
                long size = attrs.size();
                long modified = attrs.lastModifiedTime().toMillis();
                long now = System.nanoTime();
                Seen before = files.get(file);
                if (before == null || !before.sameAs(size, modified)) {
                    files.put(file, new Seen(size, modified, 0, now, false));
                    if (before != null) {
                        lastNewNanos = now; // a file still growing counts as activity
                    }
                    continue;
                }
                if (before.done()) {
                    continue;
                }
                Seen stable = new Seen(size, modified, before.stablePolls() + 1, before.unchangedSinceNanos(), false);
                files.put(file, stable);
                if (size > 0 && stable.stablePolls() >= 1) {
                    take(file, stable, now);
                }
            }
        }

        private void take(Path file, Seen seen, long now) throws InterruptedException {
            String name = file.getFileName().toString();
            String hash;
            try {
                hash = sha256(file);
            } catch (NoSuchFileException e) {
                files.remove(file);
                return;
            } catch (IOException e) {
                return; // still locked by the writer: try at the next poll
            }
            String earlier = takenByHash.get(hash);
            if (earlier != null) {
                markDone(file, seen);
                sink.rejected(name, "same content as " + earlier + ", which was already scanned; ignored as a duplicate");
                return;
            }
            if (!ImageFiles.isPageFile(file) && !looksLikeImage(file)) {
                if (now - seen.unchangedSinceNanos() >= settleTime.toNanos()) {
                    markDone(file, seen);
                    sink.rejected(name, "not a JPEG, PNG, TIFF or PDF file; not scanned");
                }
                return;
            }
            if (!endsCompletely(file)) {
                if (now - seen.unchangedSinceNanos() >= settleTime.toNanos()) {
                    markDone(file, seen);
                    lastNewNanos = System.nanoTime();
                    sink.rejected(name, name + " is incomplete (the file ends before its end marker); not scanned");
                }
                return; // a device that paused mid-write: wait for the rest
            }
            try {
                // decode fully before delivering, so a half-written file never yields a partial page set
                List<Page> pages = new java.util.ArrayList<>();
                ImageFiles.readPages(file, (image, dpi, source) -> pages.add(new Page(image, dpi, source)));
                if (changedSince(file, seen)) {
                    return; // the device wrote more while it was read: taken again once it settles
                }
                markDone(file, seen);
                takenByHash.put(hash, name);
                lastNewNanos = System.nanoTime();
                for (Page p : pages) {
                    sink.page(p.image(), p.dpi(), p.source());
                }
            } catch (ImageFiles.UnreadableFileException e) {
                if (now - seen.unchangedSinceNanos() >= settleTime.toNanos() && !changedSince(file, seen)) {
                    markDone(file, seen);
                    lastNewNanos = System.nanoTime();
                    sink.rejected(name, e.getMessage());
                }
                // otherwise probably still being written: retried at the next poll or when it changes
            }
        }

        /** True when the file is no longer what was seen (its size or time changed), or is gone. */
        private boolean changedSince(Path file, Seen seen) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                return !seen.sameAs(attrs.size(), attrs.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return true;
            }
        }

        private void markDone(Path file, Seen seen) {
            files.put(file, new Seen(seen.size(), seen.modified(), seen.stablePolls(), seen.unchangedSinceNanos(), true));
        }
    }

    private record Page(java.awt.image.BufferedImage image, int dpi, String source) {
    }

    /**
     * False for a JPEG without its end-of-image marker or a PDF without {@code %%EOF} near its end:
     * such a file is still being written (JPEG decoders happily show half a page).
     */
    static boolean endsCompletely(Path file) {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 1024);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(tail);
            ch.position(size - tail);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read the tail
            }
            byte[] t = buf.array();
            byte[] head = new byte[4];
            ch.position(0);
            ch.read(java.nio.ByteBuffer.wrap(head));
            if ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8) {
                int end = t.length;
                while (end > 0 && t[end - 1] == 0) {
                    end--; // some devices pad after the marker
                }
                return end >= 2 && (t[end - 2] & 0xff) == 0xFF && (t[end - 1] & 0xff) == 0xD9;
            }
            if (head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
                return new String(t, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%%EOF");
            }
            return true; // PNG and TIFF decoders fail on truncation by themselves
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the file starts like an image or PDF whatever its name (devices use odd extensions). */
    private static boolean looksLikeImage(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(8);
            if (h.length < 4) {
                return false;
            }
            boolean jpeg = (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8;
            boolean png = (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G';
            boolean tiff = (h[0] == 'I' && h[1] == 'I' && h[2] == 42) || (h[0] == 'M' && h[1] == 'M' && h[3] == 42);
            boolean pdf = h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F';
            return jpeg || png || tiff || pdf;
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
