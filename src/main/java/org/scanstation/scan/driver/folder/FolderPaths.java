package org.scanstation.scan.driver.folder;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/** The folder of a {@code folder:PATH} or {@code watch:PATH} device URI. */
final class FolderPaths {

    private FolderPaths() {
    }

    static Path folderOf(DeviceUri uri) {
        String path = uri.rest();
        if (path.startsWith("//")) {
            path = path.substring(2); // folder:///srv/scans
        }
        if (path.isBlank()) {
            throw new ScanException(ScanError.INVALID_DEVICE,
                    "No folder given: use " + uri.scheme() + ":/path/to/folder");
        }
        Path folder;
        try {
            folder = Path.of(path);
        } catch (InvalidPathException e) {
            throw new ScanException(ScanError.INVALID_DEVICE, "'" + path + "' is not a valid folder path");
        }
        if (!Files.isDirectory(folder)) {
            throw new ScanException(ScanError.DEVICE_NOT_FOUND, "The folder " + folder + " does not exist"
                    + (Files.exists(folder) ? " (it is a file)" : "") + ".");
        }
        return folder;
    }

    /** Files a scanner or user leaves behind that are not pages and not worth mentioning. */
    static boolean isIgnorable(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~") || lower.equals("thumbs.db")
                || lower.equals("desktop.ini") || lower.equals("scan.json");
    }
}
