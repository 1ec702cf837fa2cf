package org.scanstation.scan.driver.folder;

import java.nio.file.Path;
import java.util.List;

/** Folder helpers shared with the other file-based drivers (demo). */
public final class FolderDriverSupport {

    private FolderDriverSupport() {
    }

    /** The files of {@code folder} in natural order, leaving out hidden and system files. */
    public static List<Path> filesInNameOrder(Path folder) {
        return FolderDriver.filesInNameOrder(folder);
    }
}
