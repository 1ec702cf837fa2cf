package org.scanstation.files.testing;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps a hard link to every file that appears in a folder (and its sub-folders) while it watches, so
 * a file that lives for a moment and is deleted can still be read afterwards. Point a child process's
 * {@code java.io.tmpdir} at the watched folder; the links go to another folder on the same file system.
 * Reusable for any process the station runs (commands, a station session).
 */
public final class TempFolderWatch implements AutoCloseable {

    /** A file seen in the watched folder: its path there, and the link that keeps its content. */
    public record Seen(Path relative, Path kept) {
    }

    private final Path watched;
    private final Path keep;
    private final WatchService watcher;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final List<Seen> seen = new ArrayList<>();
    private final Set<Path> appeared = new LinkedHashSet<>();
    private final Set<Object> linkedInodes = new HashSet<>();
    private final Thread thread;
    private int counter;

    private TempFolderWatch(Path watched, Path keep) throws IOException {
        this.watched = watched;
        this.keep = keep;
        this.watcher = FileSystems.getDefault().newWatchService();
        register(watched);
        this.thread = new Thread(this::run, "temp-folder-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Starts watching {@code watched}; links go to {@code keep} (created; same file system). */
    public static TempFolderWatch start(Path watched, Path keep) throws IOException {
        Files.createDirectories(watched);
        Files.createDirectories(keep);
        return new TempFolderWatch(watched, keep);
    }

    public Path watched() {
        return watched;
    }

    /**
     * Every name that appeared in the folder so far (relative to it), files and folders, including those
     * deleted before they could be kept: SQLite, for one, unlinks its temporary files the moment it has
     * opened them. Call after {@link #close()} for the complete list.
     */
    public synchronized List<Path> appeared() {
        return List.copyOf(appeared);
    }

    /** Every file seen so far (call after {@link #close()} for the complete list). */
    public synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path folder;
                synchronized (this) {
                    folder = folders.get(key);
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        sweep(watched);
                    } else if (folder != null) {
                        arrived(folder.resolve((Path) event.context()));
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped
        }
    }

    private synchronized void arrived(Path p) {
        appeared.add(watched.relativize(p));
        try {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                register(p);
                sweep(p);
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                link(p);
            }
        } catch (IOException e) {
            // gone before it could be kept: nothing to read
        }
    }

    private void register(Path folder) throws IOException {
        WatchKey key = folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        folders.put(key, folder);
    }

    /** Files already in a folder when it was registered (or after an overflow). */
    private synchronized void sweep(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                if (!p.equals(watched)) {
                    appeared.add(watched.relativize(p));
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !folders.containsValue(p)) {
                    register(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    link(p);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // the folder went away meanwhile
        }
    }

    private void link(Path file) throws IOException {
        Object inode;
        try {
            inode = Files.readAttributes(file, "unix:ino,dev", LinkOption.NOFOLLOW_LINKS).toString();
        } catch (NoSuchFileException e) {
            return;
        }
        if (!linkedInodes.add(inode)) {
            return;
        }
        Path kept = keep.resolve(String.format("%05d-%s", ++counter, file.getFileName()));
        try {
            Files.createLink(kept, file);
            seen.add(new Seen(watched.relativize(file), kept));
        } catch (NoSuchFileException e) {
            linkedInodes.remove(inode);
        }
    }

    /** Stops watching, after keeping whatever is still in the folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        TimeUnit.MILLISECONDS.sleep(200);
        sweep(watched);
        watcher.close();
        thread.interrupt();
        thread.join(5_000);
    }
}
