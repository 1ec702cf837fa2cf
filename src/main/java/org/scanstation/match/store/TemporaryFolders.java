package org.scanstation.match.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Private temporary folders, for the index benchmark's synthetic extract and index only ({@code bench
 * --index} without {@code --work}). Real patient data never goes to the temporary folder: an index loaded
 * from a CSV file for one run is held in memory ({@link IndexImporter#loadIntoMemory}).
 */
public final class TemporaryFolders {

    private TemporaryFolders() {
    }

    /** A new folder in the temporary folder, readable by this user only. */
    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the user's temporary folder is private already
        }
        return dir;
    }

    /** Deletes the folder and everything in it, as far as it can (best effort: a temporary folder). */
    public static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what is left is in the temporary folder
        }
    }
}
