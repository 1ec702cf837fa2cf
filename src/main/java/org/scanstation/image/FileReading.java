package org.scanstation.image;

import java.io.IOException;
import java.nio.file.Path;
import org.scanstation.model.PageId;

/**
 * Reading one file page by page, each step within the page time limit: open, then each page. A page
 * that goes over its limit is a review page; the file is then opened afresh for the pages after it (the
 * reader that went over may be in any state, or still running on its abandoned thread).
 */
final class FileReading {

    /** Opens the input for reading page by page, within {@code deadline}. */
    @FunctionalInterface
    interface Opener {
        PageFile open(PageDeadline deadline) throws IOException;
    }

    private final Path file;
    private final FileKind kind;
    private final Opener opener;
    private final PageTimer timer;
    private final PageSink sink;
    private final PageId single;

    /** @param file the input's name (pages are named after it), whether or not it is read from disk */
    FileReading(Path file, FileKind kind, Opener opener, PageTimer timer, PageSink sink) {
        this.file = file;
        this.kind = kind;
        this.opener = opener;
        this.timer = timer;
        this.sink = sink;
        this.single = PageId.single(file);
    }

    void run() throws IOException, InterruptedException {
        PageTimer.Outcome<PageFile> opened = timer.run(opener::open);
        PageFile pages = null;
        if (opened instanceof PageTimer.Outcome.Done<PageFile> done) {
            pages = done.value();
        } else if (opened instanceof PageTimer.Outcome.Failed<PageFile> failed) {
            sink.accept(new PageLoadResult.Unreadable(single, whyNotOpened(failed.error())));
        } else {
            sink.accept(new PageLoadResult.Unreadable(single, "opening the " + kind.label
                    + " file took longer than the page time limit of " + ReadLimits.describe(timer.limit())
                    + ": it may be damaged or built to stall readers; check the original"));
        }
        if (pages == null) {
            return;
        }
        int count = pages.pageCount();
        try {
            for (int i = 0; i < count; i++) {
                PageId id = count == 1 ? single : new PageId(file, i + 1, true);
                int index = i;
                PageFile current = pages;
                PageTimer.Outcome<PageLoadResult> read = timer.run(d -> current.read(index, id, d));
                PageLoadResult result;
                if (read instanceof PageTimer.Outcome.Done<PageLoadResult> done) {
                    result = done.value();
                } else if (read instanceof PageTimer.Outcome.Failed<PageLoadResult> failed) {
                    result = new PageLoadResult.Unreadable(id, whyNotRead(failed.error()));
                } else {
                    result = new PageLoadResult.Unreadable(id, "reading this page took longer than its time limit of "
                            + ReadLimits.describe(timer.limit())
                            + ": the page may be damaged or built to stall readers; check the original");
                }
                if (read instanceof PageTimer.Outcome.TimedOut<PageLoadResult> && i + 1 < count) {
                    closeQuietly(pages);
                    pages = reopen();
                    if (pages == null) {
                        sink.accept(result);
                        for (int j = i + 1; j < count; j++) {
                            sink.accept(new PageLoadResult.Unreadable(new PageId(file, j + 1, true),
                                    "not read: the file could not be opened again after page " + (i + 1)
                                            + " went over its time limit"));
                        }
                        return;
                    }
                }
                sink.accept(result);
            }
        } finally {
            if (pages != null) {
                closeQuietly(pages);
            }
        }
    }

    private PageFile reopen() throws InterruptedException {
        PageTimer.Outcome<PageFile> again = timer.run(opener::open);
        return again instanceof PageTimer.Outcome.Done<PageFile> done ? done.value() : null;
    }

    private String whyNotOpened(Throwable e) throws IOException {
        if (e instanceof UnreadableFileException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException
                || e instanceof java.io.FileNotFoundException) {
            throw (IOException) e;
        }
        if (e instanceof OutOfMemoryError) {
            return kind.label + " file too large to open in the memory available";
        }
        return "corrupt " + kind.label + " file: " + Messages.of(e);
    }

    private String whyNotRead(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "page too large to decode in the memory available";
        }
        if (e instanceof StackOverflowError) {
            return "cannot decode this page: its content nests too deeply (the file may be damaged)";
        }
        return "cannot decode this page: " + Messages.of(e);
    }

    private static void closeQuietly(PageFile pages) {
        try {
            pages.close();
        } catch (IOException | RuntimeException e) {
            // a reader left running on an abandoned thread may still hold it
        }
    }
}
