package org.scanstation.scan.driver.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.scanstation.image.FeederOrder;
import org.scanstation.image.InputException;
import org.scanstation.image.InputFiles;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.PageSize;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.driver.DriverSink;
import org.scanstation.scan.driver.ScanDriver;

/**
 * Imports pages already scanned into a folder: {@code folder:/path}. Every page of every page file in
 * the folder (the formats of {@link org.scanstation.image.PageLoader}), in feeder order: natural order,
 * numbers in names compared as numbers ({@code out2} before {@code out10}); a folder whose numbering is
 * ambiguous is refused ({@link FeederOrder}). Everything else in the folder (subfolders, hidden files,
 * links to nothing, files that are not pages) and every page that cannot be read or did not render
 * cleanly is reported as rejected with the reason, never dropped silently, and the import goes on.
 * Files are read, never moved or changed.
 */
public final class FolderDriver implements ScanDriver {

    public static final String SCHEME = "folder";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<ScanDevice> listDevices() {
        return List.of(); // any folder can be named; there is nothing to discover
    }

    @Override
    public ScanCapabilities capabilities(DeviceUri device) {
        FolderPaths.folderOf(device);
        return fileCapabilities();
    }

    /** What file-based sources offer: pages as they are in the files. */
    static ScanCapabilities fileCapabilities() {
        return new ScanCapabilities(List.of(300), java.util.EnumSet.allOf(ColorMode.class), List.of(1, 8),
                java.util.EnumSet.of(PaperSource.ADF), PageSize.COMMON, 0, 0);
    }

    @Override
    public void scan(DeviceUri device, ScanOptions options, CancelToken cancel, DriverSink sink)
            throws InterruptedException {
        Path folder = FolderPaths.folderOf(device);
        List<Path> entries = entriesInNaturalOrder(folder);
        if (entries.isEmpty()) {
            throw new ScanException(ScanError.NO_DOCUMENTS, "The folder " + folder + " holds no files to import.");
        }
        List<Path> pageFiles = new java.util.ArrayList<>();
        java.util.Map<Path, String> notPages = new java.util.HashMap<>();
        for (Path entry : entries) {
            String why = InputFiles.whyNotAPage(entry);
            if (why == null) {
                pageFiles.add(entry);
            } else {
                notPages.put(entry, why);
            }
        }
        try {
            FeederOrder.sort(folder, pageFiles);
        } catch (InputException e) {
            throw new ScanException(ScanError.INVALID_DEVICE, e.getMessage() + ".");
        }
        for (Path entry : entries) {
            if (cancel.isCancelled()) {
                return;
            }
            String name = entry.getFileName().toString();
            if (notPages.containsKey(entry)) {
                sink.rejected(name, notPages.get(entry));
                continue;
            }
            ImageFiles.readEachPage(entry, new ImageFiles.PageVisitor() {
                @Override
                public void page(java.awt.image.BufferedImage image, int dpi, String source) throws InterruptedException {
                    if (!cancel.isCancelled()) {
                        sink.page(image, dpi, source);
                    }
                }

                @Override
                public void notRead(String source, String reason) throws InterruptedException {
                    sink.rejected(source, reason);
                }
            });
        }
    }

    /** Everything in the folder (hidden files, subfolders, links included), in natural order. */
    static List<Path> entriesInNaturalOrder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted(Comparator.comparing(f -> f.getFileName().toString(), FeederOrder.NATURAL)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The files of the folder in natural order, leaving out hidden, temporary and system files. */
    static List<Path> filesInNameOrder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> !FolderPaths.isIgnorable(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString(), FeederOrder.NATURAL))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
