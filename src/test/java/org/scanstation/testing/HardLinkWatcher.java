package org.scanstation.testing;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Watches folders (and every folder made in them) and hard-links each file into a capture folder as
 * soon as it appears: a file written and deleted a moment later is kept, with what was written to it.
 * The capture folder must be on the same file system and outside the watched folders.
 */
public final class HardLinkWatcher implements AutoCloseable {

    private final Path capture;
    private final WatchService watcher;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Set<Object> linked = new HashSet<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    public HardLinkWatcher(Path capture, Path... roots) throws IOException {
        this.capture = Files.createDirectories(capture);
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            register(root);
        }
        thread = new Thread(this::loop, "hard-link-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Files linked so far. */
    public int captured() {
        return count.get();
    }

    private synchronized void register(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        dirs.put(dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                seen(p);
            }
        }
    }

    private void seen(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            register(p);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            link(p);
        }
    }

    private synchronized void link(Path file) {
        try {
            Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
            if (key != null && !linked.add(key)) {
                return;
            }
            Files.createLink(capture.resolve(count.incrementAndGet() + "-" + file.getFileName()), file);
        } catch (IOException e) {
            // gone already (renamed or deleted between the event and the link)
        }
    }

    private void loop() {
        while (running) {
            WatchKey key;
            try {
                key = watcher.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            if (key == null) {
                continue;
            }
            Path dir;
            synchronized (this) {
                dir = dirs.get(key);
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (dir != null && event.context() instanceof Path name) {
                    try {
                        seen(dir.resolve(name));
                    } catch (IOException e) {
                        // gone already
                    }
                }
            }
            key.reset();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Thread.sleep(200); // let the last events in
        running = false;
        thread.join(2000);
        watcher.close();
    }
}
