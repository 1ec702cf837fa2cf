package org.scanstation.scan.driver.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
 * Imports pages already scanned into a folder: {@code folder:/path}. Every JPEG, PNG, TIFF (all
 * pages) and PDF (all pages) file in the folder, in file-name order, which is the batch order. A file
 * that cannot be decoded is reported as rejected, never dropped silently, and the import goes on.
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
        List<Path> files = filesInNameOrder(folder);
        if (files.isEmpty()) {
            throw new ScanException(ScanError.NO_DOCUMENTS, "The folder " + folder + " holds no files to import.");
        }
        for (Path file : files) {
            if (cancel.isCancelled()) {
                return;
            }
            if (!ImageFiles.isPageFile(file)) {
                sink.rejected(file.getFileName().toString(), "not a JPEG, PNG, TIFF or PDF file; not imported");
                continue;
            }
            try {
                ImageFiles.readPages(file, options.resolution(), options.mode(), (image, dpi, source) -> {
                    if (!cancel.isCancelled()) {
                        sink.page(image, dpi, source);
                    }
                });
            } catch (ImageFiles.UnreadableFileException e) {
                sink.rejected(file.getFileName().toString(), e.getMessage());
            }
        }
    }

    static List<Path> filesInNameOrder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> !FolderPaths.isIgnorable(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
