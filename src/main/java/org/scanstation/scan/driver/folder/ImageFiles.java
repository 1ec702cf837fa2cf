package org.scanstation.scan.driver.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.image.InputFiles;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.PageLoader;
import org.scanstation.image.ScannedPage;

/**
 * Page files for the file-based drivers (folder, hot folder, demo, a scanner's PDF), read by the
 * station's own {@link PageLoader}: every format it reads, every page of a multi-page file, each page
 * within the page time limit, a looping TIFF page chain cut. A page that cannot be read, or that did not
 * render cleanly (and so might be missing content), is never delivered as a page: it is reported with
 * the reason.
 */
public final class ImageFiles {

    private static final PageLoader LOADER = new PageLoader();

    private ImageFiles() {
    }

    /** Receives the pages of a file in order. */
    @FunctionalInterface
    public interface PageConsumer {
        /** @param source the file name, with {@code #N} for a page of a multi-page file */
        void page(BufferedImage image, int dpi, String source) throws InterruptedException;
    }

    /** Receives each page of a file in order, and each page that is not read with the reason. */
    public interface PageVisitor extends PageConsumer {
        void notRead(String source, String reason) throws InterruptedException;
    }

    /** A file, or pages of it, that cannot be read; the message is for the clerk. */
    public static final class UnreadableFileException extends Exception {
        public UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A file whose name says it is a page file (a file with another name may still be one). */
    public static boolean isPageFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && InputFiles.PAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Delivers every page of {@code file} that reads cleanly, one at a time, then reports any page that
     * did not: all of the file's pages, or an exception naming those missing.
     */
    public static void readPages(Path file, PageConsumer pages) throws UnreadableFileException, InterruptedException {
        List<String> problems = new ArrayList<>();
        readEachPage(file, collecting(pages, problems));
        if (!problems.isEmpty()) {
            throw new UnreadableFileException(String.join("; ", problems), null);
        }
    }

    /**
     * Delivers every page of a PDF held in memory (a scanner's document; no copy of it is written
     * anywhere) that reads cleanly, then reports any page that did not, as {@link #readPages} does.
     */
    public static void readPdf(byte[] pdf, String name, PageConsumer pages)
            throws UnreadableFileException, InterruptedException {
        List<String> problems = new ArrayList<>();
        PageVisitor visitor = collecting(pages, problems);
        try {
            LOADER.loadPdf(pdf, name, result -> deliver(result, visitor));
        } catch (IOException e) {
            problems.add(name + ": cannot be read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new UnreadableFileException(String.join("; ", problems), null);
        }
    }

    private static PageVisitor collecting(PageConsumer pages, List<String> problems) {
        return new PageVisitor() {
            @Override
            public void page(BufferedImage image, int dpi, String source) throws InterruptedException {
                pages.page(image, dpi, source);
            }

            @Override
            public void notRead(String source, String reason) {
                problems.add(source + ": " + reason);
            }
        };
    }

    /** Every page of {@code file} in order: each read page to {@code page}, each other to {@code notRead}. */
    public static void readEachPage(Path file, PageVisitor pages) throws InterruptedException {
        try {
            LOADER.load(file, result -> deliver(result, pages));
        } catch (IOException e) {
            pages.notRead(file.getFileName().toString(), "cannot be opened: " + e.getMessage());
        }
    }

    private static void deliver(PageLoadResult result, PageVisitor pages) throws InterruptedException {
        if (result instanceof PageLoadResult.Loaded loaded && loaded.page().renderedCleanly()) {
            ScannedPage p = loaded.page();
            pages.page(PageImages.normalise(p.image()), p.dpi(), p.id().name());
        } else if (result instanceof PageLoadResult.Loaded loaded) {
            pages.notRead(result.id().name(), "the page did not render cleanly ("
                    + String.join("; ", loaded.page().renderProblems())
                    + "), so part of it may be missing: not imported, check the original");
        } else {
            pages.notRead(result.id().name(), ((PageLoadResult.Unreadable) result).reason());
        }
    }
}
