package org.scanstation.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.scanstation.files.NewFiles;

/**
 * Scans into a folder: one PNG per page in scan order ({@code 0001.png}, {@code 0002.png}, ...,
 * which is also name order), and {@code scan.json} with the scan's metadata (device, options, times,
 * outcome, error, and per page its file, number, time, size and resolution). {@code scan.json} is
 * rewritten after every page, so a crash or a lost scanner never leaves pages without their record.
 * This is the logic of the {@code scan} command; the command only parses arguments.
 */
public final class ScanToFolder {

    public static final String METADATA_FILE = "scan.json";

    private final ScanController controller;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ScanToFolder(ScanController controller) {
        this(controller, Clock.systemUTC());
    }

    public ScanToFolder(ScanController controller, Clock clock) {
        this.controller = controller;
        this.clock = clock;
    }

    /**
     * What a scan into a folder produced.
     *
     * @param pageFiles the page files written, in scan order
     * @param rejected  inputs reported as not being pages (source: reason)
     * @param notices   the driver's remarks that did not stop the scan (e.g. a setting the scanner refused)
     * @param cancelled true when the scan was cancelled
     * @param failure   the error that ended the scan, or null; pages before it are in {@code pageFiles}
     */
    public record Result(Path folder, List<Path> pageFiles, List<String> rejected, List<String> notices,
                         boolean cancelled, ScanException failure) {

        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Scans from {@code deviceUri} into {@code folder} (created if needed; it must not already hold a
     * scan). Never throws for a scanner failure: the failure is in the result and in scan.json.
     *
     * @throws IllegalArgumentException when the folder cannot be used
     * @throws UncheckedIOException     when a page cannot be written (e.g. disk full); pages written so far stay
     */
    public Result scan(String deviceUri, ScanOptions options, Path folder, CancelToken cancel) {
        prepare(folder);
        Record record = new Record(deviceUri, options, folder);
        ScanResult result = null;
        ScanException failure = null;
        try {
            result = controller.scan(deviceUri, options, cancel, event -> record.accept(event));
        } catch (ScanException e) {
            failure = e;
        } finally {
            record.finish(result, failure);
        }
        return new Result(folder, List.copyOf(record.files), List.copyOf(record.rejectedText),
                List.copyOf(record.noticeText), result != null && result.cancelled(), failure);
    }

    private static void prepare(Path folder) {
        try {
            Files.createDirectories(folder);
            if (Files.exists(folder.resolve(METADATA_FILE))) {
                throw new IllegalArgumentException("The folder " + folder
                        + " already holds a scan (" + METADATA_FILE + "): choose an empty folder");
            }
            try (Stream<Path> files = Files.list(folder)) {
                if (files.anyMatch(f -> f.getFileName().toString().matches("\\d{4}\\.png"))) {
                    throw new IllegalArgumentException("The folder " + folder
                            + " already holds scanned pages: choose an empty folder");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot use the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The scan's record, written as the pages come in. */
    private final class Record {
        private final ObjectNode root = json.createObjectNode();
        private final ArrayNode pages;
        private final ArrayNode rejected;
        private final ArrayNode notices;
        private final Path folder;
        private final List<Path> files = new ArrayList<>();
        private final List<String> rejectedText = new ArrayList<>();
        private boolean saved;
        private final List<String> noticeText = new ArrayList<>();

        Record(String deviceUri, ScanOptions options, Path folder) {
            this.folder = folder;
            root.put("device", deviceUri);
            root.put("driver", DeviceUri.parse(deviceUri).scheme());
            ObjectNode o = root.putObject("options");
            o.put("resolution", options.resolution());
            o.put("mode", options.mode().id());
            o.put("source", options.source().id());
            options.areaIfSet().ifPresentOrElse(a -> {
                ObjectNode area = o.putObject("areaMm");
                area.put("left", a.leftMm());
                area.put("top", a.topMm());
                area.put("width", a.widthMm());
                area.put("height", a.heightMm());
            }, () -> o.putNull("areaMm"));
            root.put("started", clock.instant().toString());
            root.put("outcome", "scanning");
            pages = root.putArray("pages");
            rejected = root.putArray("rejected");
            notices = root.putArray("notices");
            save();
        }

        void accept(ScanEvent event) {
            if (event instanceof ScanEvent.PageScanned p) {
                ScannedImage img = p.page();
                Path file = folder.resolve(String.format(Locale.ROOT, "%04d.png", img.pageNumber()));
                try {
                    PngPageWriter.write(img.image(), img.dpi(), file);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write page " + img.pageNumber() + " to " + file
                            + ": " + e.getMessage(), e);
                }
                files.add(file);
                ObjectNode page = pages.addObject();
                page.put("file", file.getFileName().toString());
                page.put("page", img.pageNumber());
                page.put("scannedAt", img.metadata().scannedAt().toString());
                page.put("width", img.image().getWidth());
                page.put("height", img.image().getHeight());
                page.put("dpi", img.dpi());
                page.put("bilevel", img.bilevel());
                if (img.metadata().source() != null) {
                    page.put("source", img.metadata().source());
                }
            } else if (event instanceof ScanEvent.InputRejected r) {
                rejectedText.add(r.source() + ": " + r.reason());
                ObjectNode item = rejected.addObject();
                item.put("source", r.source());
                item.put("reason", r.reason());
            } else if (event instanceof ScanEvent.Notice n) {
                noticeText.add(n.text());
                notices.add(n.text());
            }
            save();
        }

        void finish(ScanResult result, ScanException failure) {
            root.put("finished", Instant.now(clock).toString());
            if (failure != null) {
                root.put("outcome", "failed");
                ObjectNode error = root.putObject("error");
                error.put("kind", failure.error().name());
                error.put("message", failure.getMessage());
            } else if (result == null) {
                root.put("outcome", "failed");
            } else {
                root.put("outcome", result.cancelled() ? "cancelled" : "completed");
            }
            root.put("pageCount", files.size());
            save();
        }

        /** The first save must not meet an existing scan.json; later ones replace this run's own. */
        private void save() {
            Path target = folder.resolve(METADATA_FILE);
            Path tmp = null;
            try {
                tmp = NewFiles.temporaryBeside(target, METADATA_FILE);
                json.writeValue(tmp.toFile(), root);
                if (saved) {
                    NewFiles.replaceOwn(tmp, target);
                } else {
                    NewFiles.publish(tmp, target);
                    saved = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // a dot name is never taken for a page
                    }
                }
            }
        }
    }
}
