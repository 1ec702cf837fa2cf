package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scanstation.intake.FilingPlan;
import org.scanstation.intake.StoredDecision;
import org.scanstation.intake.StoredDocumentPdf;
import org.scanstation.intake.StoredPages;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.Patient;
import org.scanstation.store.BatchId;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.store.StoredPage;

/**
 * The supervisor's desk: the documents held for review (read from the batch journals), and the four
 * decisions. Filing to a patient builds the PDF with the one builder from the stored pages, turned as
 * the stored decisions say; marking unidentifiable or sending back for rescanning sets the document
 * aside in its journal. Every decision also goes to the audit trail.
 */
final class ReviewDesk {

    private static final int CROPS_KEPT = 64;

    private final BatchStore store;
    private final PatientIndex index;
    private final StoredDocumentPdf pdfs;
    private final StationEvents events;
    private final StationWork work;
    private final Runnable documentQueued;
    private final Map<BatchId, FilingPlan> plans = new LinkedHashMap<>();
    private final Map<String, BufferedImage> crops = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
            return size() > CROPS_KEPT;
        }
    };

    ReviewDesk(BatchStore store, PatientIndex index, StoredDocumentPdf pdfs, StationEvents events, StationWork work,
               Runnable documentQueued) {
        this.store = store;
        this.index = index;
        this.pdfs = pdfs;
        this.events = events;
        this.work = work;
        this.documentQueued = documentQueued;
    }

    /** Documents waiting for a supervisor's decision, oldest first. */
    List<ReviewItem> queue() {
        List<ReviewItem> items = new ArrayList<>();
        for (StoredBatch batch : store.batches()) {
            for (StoredDocument doc : batch.documents()) {
                if (doc.state() == DocumentState.HELD) {
                    items.add(item(batch, doc));
                }
            }
        }
        items.sort(Comparator.comparing(ReviewItem::heldSince).thenComparing(i -> i.batchId().value())
                .thenComparingInt(ReviewItem::document));
        return items;
    }

    private ReviewItem item(StoredBatch batch, StoredDocument doc) {
        Set<String> reasons = new LinkedHashSet<>();
        BufferedImage crop = null;
        try {
            Map<Integer, StoredDecision> decisions = plan(batch).byPage();
            for (int p : doc.pages()) {
                StoredDecision d = decisions.get(p);
                if (d != null) {
                    reasons.addAll(d.reasons());
                }
            }
            crop = crop(batch, doc, decisions);
        } catch (IOException e) {
            reasons.add("the stored decisions cannot be read: " + StationEvents.messageOf(e));
        }
        doc.lastDetail().ifPresent(reasons::add);
        String nhs = doc.nhsNumber();
        Patient candidate = nhs == null ? null : index.byNhsNumber(nhs).orElse(null);
        Instant since = doc.lastChange() == null ? batch.createdAt() : doc.lastChange();
        return new ReviewItem(batch.id(), doc.index(), doc.pages().size(), nhs, candidate, List.copyOf(reasons), crop,
                since);
    }

    /** A batch's filing plan; stored once when the batch was filed and never changed, so it is read once. */
    private FilingPlan plan(StoredBatch batch) throws IOException {
        synchronized (plans) {
            FilingPlan plan = plans.get(batch.id());
            if (plan == null) {
                plan = FilingPlan.readFrom(batch);
                plans.put(batch.id(), plan);
            }
            return plan;
        }
    }

    /** The label of the document's first page, upright and enlarged (the top of the page when not located). */
    private BufferedImage crop(StoredBatch batch, StoredDocument doc, Map<Integer, StoredDecision> decisions) {
        if (doc.pages().isEmpty()) {
            return null;
        }
        String key = Station.key(batch.id(), doc.index());
        synchronized (crops) {
            if (crops.containsKey(key)) {
                return crops.get(key);
            }
        }
        int first = doc.pages().get(0);
        StoredDecision d = decisions.get(first);
        BufferedImage crop = null;
        StoredPage page = batch.pages().stream().filter(p -> p.index() == first).findFirst().orElse(null);
        if (page != null && d != null) {
            try {
                crop = PagePictures.labelCrop(StoredPages.read(batch, page, StoredPages.idOf(page)).image(),
                        d.transforms(), d.label());
            } catch (IOException e) {
                crop = null;
            }
        }
        synchronized (crops) {
            crops.put(key, crop);
        }
        return crop;
    }

    /** Patients of the index matching a name, NHS number, hospital number or birth date. */
    List<Patient> search(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return index.search(query.trim(), 20);
    }

    void accept(ReviewItem item, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        if (item.candidate() == null) {
            throw new StationException("There is no candidate patient in the index for this document: search the "
                    + "index and choose the patient, or mark it unidentifiable.");
        }
        decide(item, () -> fileTo(item, item.candidate(), supervisor, "accept"));
    }

    void assign(ReviewItem item, Patient patient, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        if (patient == null) {
            throw new StationException("Choose a patient first.");
        }
        decide(item, () -> fileTo(item, patient, supervisor, "reassign"));
    }

    void markUnidentifiable(ReviewItem item, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        decide(item, () -> setAside(item, supervisor, DocumentState.UNIDENTIFIABLE, "unidentifiable"));
    }

    void sendForRescan(ReviewItem item, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        decide(item, () -> {
            setAside(item, supervisor, DocumentState.RESCAN, "rescan");
            events.notice(item.key() + " was sent back for rescanning (" + item.pages() + " pages).");
        });
    }

    private void decide(ReviewItem item, StationWork.Task action) {
        work.submit("the decision on " + item.key(), () -> {
            try {
                action.run();
            } finally {
                events.queuesChanged();
            }
        });
    }

    private StoredBatch batchOf(ReviewItem item) {
        return store.batch(item.batchId()).orElseThrow(() ->
                new StationException("Batch " + item.batchId().value() + " is no longer in the store."));
    }

    private StoredDocument heldDocument(StoredBatch batch, ReviewItem item) {
        StoredDocument doc = batch.document(item.document()).orElseThrow(() ->
                new StationException(item.key() + " is no longer in the store."));
        if (doc.state() != DocumentState.HELD) {
            throw new StationException(item.key() + " was already decided (" + doc.state().json() + ").");
        }
        return doc;
    }

    private void fileTo(ReviewItem item, Patient patient, SignedInUser supervisor, String decision)
            throws IOException, InterruptedException {
        StoredBatch batch = batchOf(item);
        StoredDocument doc = heldDocument(batch, item);
        String nhs = patient.nhsNumber().digits();
        if (!NhsNumber.hasValidCheckDigit(nhs)) {
            throw new StationException("The patient's NHS number is not valid.");
        }
        // the stored decisions say which way up each page goes: unreadable, nothing is filed
        Map<Integer, StoredDecision> decisions = plan(batch).byPage();
        if (!nhs.equals(doc.nhsNumber())) {
            batch.refile(doc.index(), nhs);
            doc = batch.document(doc.index()).orElseThrow();
        }
        events.ocrDone.set(0);
        events.ocrTotal.set(doc.pages().size());
        events.progress();
        batch.putPdf(doc.index(), pdfs.build(batch, doc, decisions, page -> {
            events.ocrDone.incrementAndGet();
            events.progress();
        }));
        batch.queue(doc.index());
        store.audit().reviewDecision(item.batchId(), item.document(), null, supervisor.name(), decision, nhs,
                item.reasons());
        events.toUpload.incrementAndGet();
        documentQueued.run();
    }

    private void setAside(ReviewItem item, SignedInUser supervisor, DocumentState outcome, String decision)
            throws IOException {
        StoredBatch batch = batchOf(item);
        StoredDocument doc = heldDocument(batch, item);
        batch.setAside(doc.index(), outcome, decision + " (" + supervisor.name() + ")");
        store.audit().reviewDecision(item.batchId(), item.document(), null, supervisor.name(), decision,
                item.nhsNumberRead(), item.reasons());
    }

    private static void requireSupervisor(SignedInUser user) {
        if (user == null || !user.isSupervisor()) {
            throw new StationException("Only a signed-in supervisor can decide on a held document.");
        }
    }
}
