package org.scanstation.export;

import org.scanstation.pipeline.BatchDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.scanstation.pdf.WrittenPdf;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.model.Progress;

/**
 * Writes the documents of an analysed batch into an export folder: one PDF/A-2b per document, named
 * {@code <batch id>-doc<NNN>.pdf} (never after the patient), auto-filed documents in the folder and
 * documents a person must decide in its {@code review/} folder, each folder with its
 * {@code manifest.json}. Documents can be written as they come (a {@link DocumentFeed}), while the
 * rest of the batch is still being analysed; the next document's pages are decoded and queued for OCR
 * while the current one waits for its text layer, so the OCR pool stays busy across documents.
 *
 * <p>On the first failure (OCR, disk, folder) the export stops: the documents written so far stay, each
 * complete; the manifests list exactly those and say the export is incomplete, with the error.
 */
public final class BatchExporter {

    /** Name of the folder, inside the export folder, that holds documents needing review. */
    public static final String REVIEW_FOLDER = "review";
    /** Name of each folder's manifest. */
    public static final String MANIFEST = ExportManifest.FILE_NAME;

    private final DocumentExporter exporter;
    private final DocumentPages sources;
    private final Clock clock;

    /** @param sources where the documents' pages are decoded again from (their files) */
    public BatchExporter(DocumentExporter exporter, DocumentPages sources, Clock clock) {
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks, before any work, that {@code folder} can be created and written. */
    public static void checkFolder(Path folder) throws ExportException {
        OutputFolder.prepare(folder);
    }

    /**
     * Writes every document of {@code pages} (blank and separator pages left out).
     *
     * @param progress hears one step per page whose text layer is done and one per document written
     * @throws ExportException on the first document that cannot be written; see the class comment
     */
    public ExportReport write(List<PageAnalysis> pages, BatchInfo info, Path folder, Progress progress)
            throws ExportException, InterruptedException {
        Iterator<BatchDocument> docs = BatchDocument.of(pages).iterator();
        try {
            ExportReport r = write(() -> docs.hasNext() ? docs.next() : null, info, folder, progress);
            return new ExportReport(r.folder(), r.filed(), r.review(), pages.size());
        } catch (IOException e) {
            throw new IllegalStateException("a list of documents cannot fail to be read", e);
        }
    }

    /**
     * Writes each document of {@code feed} as it comes, while the feed works out the next ones. The
     * progress total grows as documents arrive.
     *
     * @throws IOException     when the feed fails (the documents written before stay, listed as incomplete)
     * @throws ExportException on the first document that cannot be written; see the class comment
     */
    public ExportReport write(DocumentFeed feed, BatchInfo info, Path folder, Progress progress)
            throws ExportException, IOException, InterruptedException {
        OutputFolder.prepare(folder);
        checkNoFilesOfBatch(folder, info);
        Path reviewFolder = folder.resolve(REVIEW_FOLDER);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        Progress p = progress == null ? Progress.NONE : progress;
        List<ExportedDocument> filed = new ArrayList<>();
        List<ExportedDocument> review = new ArrayList<>();
        ZonedDateTime created = ZonedDateTime.now(clock);
        p.started(0);
        PreparedDocument current = null;
        PreparedDocument next = null;
        try {
            next = prepare(feed.next(), info, p, done, total);
            while (next != null) {
                current = next;
                next = null;
                next = prepare(feed.next(), info, p, done, total);
                BatchDocument doc = current.document();
                Path dir = folder;
                if (doc.needsReview()) {
                    if (!Files.isDirectory(reviewFolder)) {
                        OutputFolder.prepare(reviewFolder);
                    }
                    dir = reviewFolder;
                }
                String name = fileName(info, doc);
                WrittenPdf pdf = current.pdf().write(dir.resolve(name));
                ExportedDocument entry = new ExportedDocument(doc.index(), name,
                        doc.needsReview() ? "review" : "matched", doc.patient(),
                        doc.pages().stream().map(pg -> pg.id().name()).toList(), pdf.pages(), pdf.sha256(), pdf.bytes());
                (doc.needsReview() ? review : filed).add(entry);
                p.advanced(done.incrementAndGet(), total.get(), "written " + (doc.needsReview() ? REVIEW_FOLDER + "/" : "")
                        + name + " (" + pdf.pages() + (pdf.pages() == 1 ? " page)" : " pages)"));
            }
        } catch (ExportException | IOException | InterruptedException | RuntimeException e) {
            for (PreparedDocument unfinished : new PreparedDocument[] {current, next}) {
                if (unfinished != null) {
                    unfinished.pdf().cancel();
                }
            }
            String error = e instanceof InterruptedException ? "the export was interrupted" : String.valueOf(e.getMessage());
            try {
                writeManifests(folder, reviewFolder, info, created, filed, review, error);
            } catch (ExportException m) {
                e.addSuppressed(m);
            }
            throw e;
        } finally {
            p.finished();
        }
        writeManifests(folder, reviewFolder, info, created, filed, review, null);
        int pages = filed.stream().mapToInt(ExportedDocument::pageCount).sum()
                + review.stream().mapToInt(ExportedDocument::pageCount).sum();
        return new ExportReport(folder, filed, review, pages);
    }

    private record PreparedDocument(BatchDocument document, DocumentExporter.Prepared pdf) {
    }

    /** Decodes the document's pages and queues their OCR; null for no document. */
    private PreparedDocument prepare(BatchDocument doc, BatchInfo info, Progress p, AtomicInteger done,
                                     AtomicInteger total) throws ExportException, InterruptedException {
        if (doc == null) {
            return null;
        }
        total.addAndGet(doc.pages().size() + 1);
        DocumentExporter.Prepared pdf = exporter.prepare(sources.of(doc), metadata(doc, info),
                page -> p.advanced(done.incrementAndGet(), total.get(), "text layer: " + page));
        return new PreparedDocument(doc, pdf);
    }

    static org.scanstation.pdf.DocumentMetadata metadata(BatchDocument doc, BatchInfo info) {
        return DocumentMetadataFactory.of(info, doc.index(), doc.patient(),
                doc.pages().stream().map(pg -> pg.id().name()).toList());
    }

    private static void writeManifests(Path folder, Path reviewFolder, BatchInfo info, ZonedDateTime created,
                                       List<ExportedDocument> filed, List<ExportedDocument> review, String error)
            throws ExportException {
        ExportManifest.write(folder, info, created, filed, error);
        if (!review.isEmpty() || Files.isDirectory(reviewFolder)) {
            ExportManifest.write(reviewFolder, info, created, review, error);
        }
    }

    /** {@code <batch id>-doc<NNN>.pdf}: unique within the batch, and free of patient identifiers. */
    static String fileName(BatchInfo info, BatchDocument doc) {
        return String.format("%s-doc%03d.pdf", batchPrefix(info), doc.index() + 1);
    }

    /** The batch id as it starts each file name. */
    static String batchPrefix(BatchInfo info) {
        return info.batchId() == null || info.batchId().isBlank() ? "batch"
                : info.batchId().strip().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Refuses, before anything is written, a folder that already holds files of this batch id (an
     * earlier export given the same {@code --batch-id}): they are never replaced.
     */
    static void checkNoFilesOfBatch(Path folder, BatchInfo info) throws ExportException {
        String prefix = batchPrefix(info) + "-";
        for (Path dir : List.of(folder, folder.resolve(REVIEW_FOLDER))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                Optional<Path> taken = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst();
                if (taken.isPresent()) {
                    throw new ExportException(ExportException.Reason.TARGET_EXISTS, dir + " already holds "
                            + taken.get().getFileName() + " of batch " + info.batchId()
                            + ": files are never replaced; export with another batch id or into another folder");
                }
            } catch (IOException e) {
                throw OutputFolder.translate(e, dir);
            }
        }
    }
}
