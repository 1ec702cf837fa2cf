package org.scanstation.station;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.scanstation.store.StateChange;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.store.StoredPage;

/**
 * The supervisor's desk: the documents held for review (read from the batch journals) with every page
 * to look at, the four decisions, and undoing a decision until the document starts to upload. Filing to
 * a patient builds the PDF with the one builder from the stored pages, turned as the stored decisions
 * say; marking unidentifiable or sending back for rescanning sets the document aside in its journal.
 * Every decision, and every undo, also goes to the audit trail.
 */
final class ReviewDesk {

    private static final int VIEWS_KEPT = 6;

    private final BatchStore store;
    private final PatientIndex index;
    private final StoredDocumentPdf pdfs;
    private final PageViews views;
    private final StationEvents events;
    private final StationWork work;
    private final Runnable documentQueued;
    private final Map<BatchId, FilingPlan> plans = new LinkedHashMap<>();
    /** Who decided what in this session (the journal keeps the outcome, the audit trail the person). */
    private final Map<String, String> deciders = new ConcurrentHashMap<>();
    private final Map<String, PageView> pageViews = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PageView> eldest) {
            return size() > VIEWS_KEPT;
        }
    };

    ReviewDesk(BatchStore store, PatientIndex index, StoredDocumentPdf pdfs, PageViews views, StationEvents events,
               StationWork work, Runnable documentQueued) {
        this.store = store;
        this.index = index;
        this.pdfs = pdfs;
        this.views = views;
        this.events = events;
        this.work = work;
        this.documentQueued = documentQueued;
    }

    // ---------------------------------------------------------------- what waits

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
        EvidenceShown.Builder shown = new EvidenceShown.Builder();
        try {
            Map<Integer, StoredDecision> decisions = plan(batch).byPage();
            for (int p : doc.pages()) {
                StoredDecision d = decisions.get(p);
                if (d != null) {
                    reasons.addAll(d.reasons());
                    shown.add(views.evidence(d.readings()));
                }
            }
        } catch (IOException e) {
            reasons.add("the stored decisions cannot be read: " + StationEvents.messageOf(e));
        }
        doc.lastDetail().ifPresent(reasons::add);
        String nhs = doc.nhsNumber();
        Patient candidate = nhs == null ? null : index.byNhsNumber(nhs).orElse(null);
        Instant since = doc.lastChange() == null ? batch.createdAt() : doc.lastChange();
        return new ReviewItem(batch.id(), doc.index(), doc.pages(), nhs, candidate, List.copyOf(reasons), shown.build(),
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

    /** Page {@code k} (from 0) of the document: the whole page upright, what was read marked on it. */
    PageView page(ReviewItem item, int k) {
        String title = "Page " + (k + 1) + " of " + item.pages() + " of " + item.name();
        if (k < 0 || k >= item.pages()) {
            return PageView.unavailable(title, "The document has no page " + (k + 1) + ".");
        }
        String key = item.key() + "#" + k;
        synchronized (pageViews) {
            PageView kept = pageViews.get(key);
            if (kept != null) {
                return kept;
            }
        }
        PageView view;
        try {
            StoredBatch batch = batchOf(item.batchId());
            int id = item.pageIds().get(k);
            StoredPage page = batch.pages().stream().filter(p -> p.index() == id).findFirst()
                    .orElseThrow(() -> new IOException("the page is no longer in the store"));
            StoredDecision d = plan(batch).byPage().get(id);
            if (d == null) {
                throw new IOException("the page's stored decision is missing");
            }
            view = views.of(title, StoredPages.read(batch, page, StoredPages.idOf(page)).image(), d.transforms(),
                    d.readings());
        } catch (IOException | RuntimeException e) {
            view = PageView.unavailable(title, "The page cannot be shown: " + StationEvents.messageOf(e));
        }
        synchronized (pageViews) {
            pageViews.put(key, view);
        }
        return view;
    }

    /** Patients of the index matching a name, NHS number, hospital number or birth date. */
    List<Patient> search(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return index.search(query.trim(), 20);
    }

    // ---------------------------------------------------------------- decisions

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
        decide(item, () -> setAside(item, supervisor, DocumentState.RESCAN, "rescan"));
    }

    private void decide(ReviewItem item, StationWork.Task action) {
        work.submit(StationEvents.Topic.REVIEW, "the decision on " + item.name(), () -> {
            try {
                action.run();
            } finally {
                events.queuesChanged();
            }
        });
    }

    private StoredBatch batchOf(BatchId id) {
        return store.batch(id).orElseThrow(() -> new StationException("Batch " + id.value() + " is no longer in the store."));
    }

    private StoredDocument heldDocument(StoredBatch batch, ReviewItem item) {
        StoredDocument doc = batch.document(item.document()).orElseThrow(() ->
                new StationException(item.name() + " is no longer in the store."));
        if (doc.state() != DocumentState.HELD) {
            throw new StationException(item.name() + " was already decided (" + doc.state().json() + ").");
        }
        return doc;
    }

    private void fileTo(ReviewItem item, Patient patient, SignedInUser supervisor, String decision)
            throws IOException, InterruptedException {
        StoredBatch batch = batchOf(item.batchId());
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
        deciders.put(Station.key(item.batchId(), item.document()), supervisor.name());
        events.toUpload.incrementAndGet();
        events.notice(StationEvents.Topic.REVIEW, capitalised(item.name()) + " was filed to " + patient.displayName() + " (NHS "
                + patient.nhsNumber().formatted() + "). It can be undone until it starts to upload.");
        documentQueued.run();
    }

    private void setAside(ReviewItem item, SignedInUser supervisor, DocumentState outcome, String decision)
            throws IOException {
        StoredBatch batch = batchOf(item.batchId());
        StoredDocument doc = heldDocument(batch, item);
        batch.setAside(doc.index(), outcome, decision + " (" + supervisor.name() + ")");
        store.audit().reviewDecision(item.batchId(), item.document(), null, supervisor.name(), decision,
                item.nhsNumberRead(), item.reasons());
        deciders.put(Station.key(item.batchId(), item.document()), supervisor.name());
        events.notice(StationEvents.Topic.REVIEW, capitalised(item.name()) + (outcome == DocumentState.RESCAN
                ? " was sent back for rescanning: the clerk sees it on the Scan screen (" + item.pages()
                + (item.pages() == 1 ? " sheet)." : " sheets).")
                : " was marked unidentifiable: it is kept here and never uploaded."));
    }

    // ---------------------------------------------------------------- undo

    /** Decisions that can still be undone, newest first. */
    List<DecidedItem> decided() {
        List<DecidedItem> out = new ArrayList<>();
        for (StoredBatch batch : store.batches()) {
            for (StoredDocument doc : batch.documents()) {
                if (undoable(doc)) {
                    Patient filedTo = doc.state() == DocumentState.EXPORTED || doc.state() == DocumentState.QUEUED
                            ? index.byNhsNumber(doc.nhsNumber()).orElse(null) : null;
                    String outcome = switch (doc.state()) {
                        case UNIDENTIFIABLE -> "marked unidentifiable";
                        case RESCAN -> "sent back for rescanning";
                        default -> "filed to";
                    };
                    out.add(new DecidedItem(batch.id(), doc.index(), doc.pages().size(), outcome, filedTo,
                            deciders.get(Station.key(batch.id(), doc.index())),
                            doc.lastChange()));
                }
            }
        }
        out.sort(Comparator.comparing(DecidedItem::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** A supervisor decided it (it was held before) and it has not gone beyond where undo is safe. */
    private static boolean undoable(StoredDocument doc) {
        boolean wasHeld = doc.history().stream().map(StateChange::state).anyMatch(s -> s == DocumentState.HELD);
        return wasHeld && switch (doc.state()) {
            case EXPORTED, UNIDENTIFIABLE -> true;
            case QUEUED -> !doc.uploadStarted();
            case RESCAN -> !doc.rescanDone();
            default -> false;
        };
    }

    /**
     * Undoes a decision (on the work executor): the document is held for review again, with the candidate
     * it had before. Refused when it has started to upload meanwhile.
     */
    void undo(DecidedItem item, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        work.submit(StationEvents.Topic.REVIEW, "undoing the decision on " + item.name(), () -> {
            try {
                StoredBatch batch = batchOf(item.batchId());
                String before = plan(batch).documents().stream().filter(d -> d.document() == item.document())
                        .map(FilingPlan.PlannedDocument::nhsNumber).findFirst().orElse(null);
                try {
                    batch.reopenForReview(item.document(), before, "decision undone by " + supervisor.name());
                } catch (IllegalStateException e) {
                    throw new StationException("The decision on " + item.name() + " cannot be undone: "
                            + StationEvents.messageOf(e) + ".", e);
                }
                store.audit().reviewDecision(item.batchId(), item.document(), null, supervisor.name(), "undo", before,
                        List.of("the decision '" + item.outcome() + "' was undone"));
                deciders.remove(Station.key(item.batchId(), item.document()));
                events.notice(StationEvents.Topic.REVIEW, "The decision on " + item.name() + " was undone: it waits for review again.");
            } finally {
                events.queuesChanged();
            }
        });
    }

    // ---------------------------------------------------------------- the clerk's rescans

    /** Documents sent back for rescanning whose sheets were not scanned again yet, oldest first. */
    List<RescanItem> rescans() {
        List<RescanItem> out = new ArrayList<>();
        for (StoredBatch batch : store.batches()) {
            for (StoredDocument doc : batch.documents()) {
                if (doc.state() == DocumentState.RESCAN && !doc.rescanDone()) {
                    Map<Integer, String> names = new LinkedHashMap<>();
                    batch.pages().forEach(p -> names.put(p.index(), p.sourceName()));
                    List<String> sheets = new ArrayList<>();
                    for (int p : doc.pages()) {
                        String source = names.get(p);
                        sheets.add("sheet " + p + " of the batch" + (source == null || source.isBlank() ? "" : " (" + source + ")"));
                    }
                    String detail = doc.lastDetail().orElse("");
                    String by = detail.matches(".*\\((.+)\\)$") ? detail.replaceAll(".*\\((.+)\\)$", "$1") : null;
                    out.add(new RescanItem(batch.id(), doc.index(), sheets, by, doc.lastChange()));
                }
            }
        }
        out.sort(Comparator.comparing(RescanItem::sentAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** The clerk scanned the sheets again: the to-do is done (journaled; the decision can then no longer be undone). */
    void rescanned(RescanItem item, String clerk) {
        try {
            batchOf(item.batchId()).markRescanned(item.document(), "rescanned by " + clerk);
        } catch (IOException | IllegalStateException e) {
            throw new StationException("The rescan of " + item.name() + " could not be recorded: "
                    + StationEvents.messageOf(e), e);
        }
        events.queuesChanged();
    }

    private static void requireSupervisor(SignedInUser user) {
        if (user == null || !user.isSupervisor()) {
            throw new StationException("Only a signed-in supervisor can decide on a held document.");
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
