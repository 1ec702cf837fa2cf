package org.scanstation.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.pipeline.BatchDocument;
import org.scanstation.pipeline.PageAnalysis;

/**
 * The pages of an analysed document, decoded again from where they came from (their files, for
 * {@code export}), with the clean-up the analysis recorded: what {@link DocumentExporter} builds from.
 * A page that could not be decoded at analysis is tried once more; if it still cannot be, it becomes a
 * placeholder saying why.
 */
public final class DocumentPages {

    private final PageImageSource images;
    private final PreparedPages prepared;

    public DocumentPages(PageImageSource images) {
        this(images, new PreparedPages());
    }

    /** @param prepared pages the analysis made ready for their PDF (ADR 0015): taken as they are, not decoded */
    public DocumentPages(PageImageSource images, PreparedPages prepared) {
        this.images = images;
        this.prepared = prepared;
    }

    /** @throws ExportException when a page read at analysis can no longer be read from its source */
    public List<DocumentExporter.SourcePage> of(BatchDocument doc) throws ExportException, InterruptedException {
        Map<PageId, EncodedPage> ready = new HashMap<>();
        for (PageAnalysis p : doc.pages()) {
            if (!unreadable(p)) {
                prepared.take(p.id(), p.transforms()).ifPresent(page -> ready.put(p.id(), page));
            }
        }
        List<PageId> readable = doc.pages().stream().filter(p -> !unreadable(p) && !ready.containsKey(p.id()))
                .map(PageAnalysis::id).toList();
        Map<PageId, ScannedPage> raw;
        try {
            raw = readable.isEmpty() ? Map.of() : new HashMap<>(images.load(readable));
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.INPUT_CHANGED,
                    "a page of document " + (doc.index() + 1) + " can no longer be read: " + e.getMessage(), e);
        }
        List<DocumentExporter.SourcePage> pages = new ArrayList<>(doc.pages().size());
        for (PageAnalysis p : doc.pages()) {
            String name = p.id().name();
            EncodedPage made = ready.get(p.id());
            if (made != null) {
                pages.add(DocumentExporter.SourcePage.ready(name, made));
            } else if (unreadable(p)) {
                ScannedPage retried = retry(p.id());
                pages.add(retried != null ? DocumentExporter.SourcePage.decoded(name, retried, List.of())
                        : DocumentExporter.SourcePage.undecodable(name, p.reasons().isEmpty() ? null : p.reasons().get(0)));
            } else {
                pages.add(DocumentExporter.SourcePage.decoded(name, raw.remove(p.id()), p.transforms()));
            }
        }
        return pages;
    }

    /** A page that could not be decoded or analysed before: decoded again, or null when it still cannot be. */
    private ScannedPage retry(PageId id) throws InterruptedException {
        try {
            return images.load(List.of(id)).get(id);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A page that could not be decoded at analysis: it is shown as a placeholder saying so. */
    static boolean unreadable(PageAnalysis p) {
        return p.status() == PageStatus.REVIEW && p.transforms().isEmpty() && p.barcodes().isEmpty()
                && p.labels().isEmpty() && p.reasons().stream().anyMatch(r -> r.contains("a person must check this page"));
    }
}
