package org.scanstation.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a batch's inputs stand for. A file given by name is read whatever it is (a file that is not
 * a page becomes a review page saying so). A folder stands for its page files, in feeder order
 * ({@link FeederOrder}); everything else in it is listed as skipped with the reason: folders inside it,
 * hidden files, links to nothing, files that cannot be opened, files that are not pages.
 */
public final class InputFiles {

    /** File name endings of page files; a file with another name is still read when its content is one. */
    public static final Set<String> PAGE_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "jfif", "png", "tif", "tiff",
            "pdf", "bmp", "dib", "gif", "pnm", "pbm", "pgm", "ppm", "jp2", "j2k", "j2c", "jpx", "jpf");

    private InputFiles() {
    }

    /**
     * @throws InputException when a path does not exist, a file or folder cannot be read, or a folder's
     *                        numbering does not say one feeder order
     */
    public static BatchInputs expand(List<Path> inputs) throws InputException {
        List<Path> files = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                folder(input, files, skipped);
            } else if (Files.isRegularFile(input)) {
                if (!Files.isReadable(input)) {
                    throw new InputException("input cannot be read: " + input);
                }
                files.add(input);
            } else if (Files.exists(input, LinkOption.NOFOLLOW_LINKS) && !Files.exists(input)) {
                throw new InputException("input is a link to something that does not exist: " + input);
            } else if (Files.exists(input)) {
                throw new InputException("input is neither a file nor a folder: " + input);
            } else {
                throw new InputException("input not found: " + input);
            }
        }
        return new BatchInputs(files, skipped);
    }

    private static void folder(Path folder, List<Path> files, List<SkippedInput> skipped) throws InputException {
        List<Path> pages = new ArrayList<>();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            dir.forEach(entries::add);
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            throw new InputException("cannot list folder " + folder + ": " + Messages.of(e));
        }
        entries.sort(java.util.Comparator.comparing(p -> p.getFileName().toString(), FeederOrder.NATURAL));
        for (Path p : entries) {
            String why = whyNotAPage(p);
            if (why == null) {
                pages.add(p);
            } else {
                skipped.add(new SkippedInput(p.getFileName().toString(), why));
            }
        }
        files.addAll(FeederOrder.sort(folder, pages));
    }

    /** Why an entry of a folder is not read as pages, or null when it is a page file. */
    public static String whyNotAPage(Path p) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
            return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "a hidden folder: not read" : "a hidden file: not read";
        }
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            return "a link to a file that does not exist: not read";
        }
        if (Files.isDirectory(p)) {
            return "a folder: the files in it are not read (give it as an input of its own)";
        }
        if (!Files.isRegularFile(p)) {
            return "not a regular file (a device or pipe): not read";
        }
        if (!Files.isReadable(p)) {
            return "cannot be opened (no permission to read it): not read";
        }
        if (PAGE_EXTENSIONS.contains(extension(name))) {
            return null;
        }
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "cannot be opened (" + Messages.of(e) + "): not read";
        }
        if (n > 0 && FileKind.sniff(head, n) != FileKind.UNKNOWN) {
            return null;
        }
        String ext = extension(name);
        return "not an image or PDF file" + (ext.isEmpty() ? "" : " (." + ext + ")") + ": not read";
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
