package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scanstation.pipeline.PageFindings;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchStore;
import org.scanstation.store.PageArrangement;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredPage;

/**
 * The batch being scanned, not filed yet: a batch of the encrypted store (made at its first page) whose
 * pages are stored as they arrive, and the pages as the clerk arranged them: their order, where a
 * document starts or joins the one before, quarter turns, a page waiting to be rescanned in its place,
 * pages deleted (kept in the store and brought back by Undo until the batch is filed). Every change of
 * the arrangement is journaled in the store batch, so a crash or a closed window brings the batch back as
 * the clerk left it. Thread-safe.
 */
final class OpenBatch {

    /** One page of the open batch, as analysed on its own (in the stored scan's coordinates). */
    static final class Entry {
        final int id;
        final String name;
        PageFindings findings;
        BufferedImage thumbnail;
        int turned;
        boolean startsNew;
        boolean joinsPrevious;

        Entry(int id, String name, PageFindings findings, BufferedImage thumbnail, int turned) {
            this.id = id;
            this.name = name;
            this.findings = findings;
            this.thumbnail = thumbnail;
            this.turned = turned;
        }
    }

    /** Pages taken out together (a delete, a clear, a page replaced by its rescan), with their places. */
    private record Removal(List<Integer> positions, List<Entry> entries, String what) {
    }

    private static final String NEW = "new:";
    private static final String JOIN = "join:";
    private static final String TURN = "turn:";
    private static final String DELETED = "deleted:";
    private static final String RESCAN = "rescan:";

    private final BatchStore store;
    private final String stationId;
    private final List<Entry> pages = new ArrayList<>();
    private final Deque<Removal> removed = new ArrayDeque<>();
    private StoredBatch batch;
    private boolean filing;
    private Integer rescanTarget;
    private int insertAt = -1;
    private List<LivePage> placed = List.of();

    OpenBatch(BatchStore store, String stationId) {
        this.store = store;
        this.stationId = stationId;
    }

    // ---------------------------------------------------------------- scanning

    /** The store batch pages go into; made now when there is none. */
    synchronized StoredBatch batchForScanning(String operator, String deviceUri) {
        if (filing) {
            throw new StationException("Wait until the batch being filed is done before scanning again.");
        }
        if (batch == null) {
            try {
                batch = store.createBatch(new BatchInfo(operator, stationId, Map.of("scanner", deviceUri),
                        BatchInfo.STATION));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("the batch could not be started in the store (" + e.getMessage()
                        + ")", e);
            }
        }
        return batch;
    }

    /** A scan begins: the arrangement (and a page waiting to be rescanned) is journaled first. */
    synchronized void scanStarting() throws IOException {
        insertAt = -1;
        journal();
    }

    /**
     * Adds an analysed page: at the end, or, while a page waits to be rescanned, in that page's place
     * (the page it replaces is kept among the deleted pages, so Undo brings it back), then after it.
     */
    synchronized LivePage add(Entry e) {
        int at;
        if (insertAt >= 0) {
            at = Math.min(insertAt, pages.size());
        } else if (rescanTarget != null && position(rescanTarget) >= 0) {
            at = position(rescanTarget);
            Entry old = pages.remove(at);
            e.startsNew = old.startsNew;
            e.joinsPrevious = old.joinsPrevious;
            removed.push(new Removal(List.of(at), List.of(old), "page " + (at + 1) + " (replaced by its rescan)"));
            rescanTarget = null;
        } else {
            at = pages.size();
        }
        pages.add(at, e);
        if (at < pages.size() - 1 || insertAt >= 0) {
            insertAt = at + 1;
        }
        place();
        return placed.get(at);
    }

    /** The scan ended: later pages go at the end again; the arrangement is journaled. */
    synchronized void scanEnded() {
        insertAt = -1;
        try {
            journal();
        } catch (IOException | RuntimeException e) {
            // the pages are stored; the arrangement is journaled again at the clerk's next change
        }
    }

    // ---------------------------------------------------------------- reopening

    /** How an unfiled batch comes back: its pages in the clerk's order, with what the clerk said about each. */
    record Reopened(StoredPage page, int turned, boolean startsNew, boolean joinsPrevious, boolean deleted,
                    boolean awaitingRescan) {
    }

    /**
     * The pages of a batch an earlier session scanned into and never filed, in the order the clerk left them:
     * the journaled arrangement, then pages stored after it (in a page's place when it was waiting to be
     * rescanned, else at the end), deleted pages kept aside.
     */
    static List<Reopened> reopenOrder(StoredBatch stored) {
        List<StoredPage> all = new ArrayList<>(stored.pages());
        all.sort(Comparator.comparingInt(StoredPage::index));
        PageArrangement arrangement = stored.arrangement().orElse(new PageArrangement(List.of(), Map.of()));
        Map<Integer, StoredPage> byIndex = new LinkedHashMap<>();
        all.forEach(p -> byIndex.put(p.index(), p));
        Map<String, String> notes = arrangement.notes();
        List<StoredPage> ordered = new ArrayList<>();
        for (int id : arrangement.order()) {
            StoredPage p = byIndex.remove(id);
            if (p != null) {
                ordered.add(p);
            }
        }
        List<StoredPage> deleted = new ArrayList<>();
        for (StoredPage p : List.copyOf(byIndex.values())) {
            if (notes.containsKey(DELETED + p.index())) {
                deleted.add(byIndex.remove(p.index()));
            }
        }
        List<StoredPage> later = new ArrayList<>(byIndex.values());
        Integer target = notes.keySet().stream().filter(k -> k.startsWith(RESCAN)).map(k -> Integer.parseInt(k.substring(RESCAN.length())))
                .findFirst().orElse(null);
        int at = target == null ? -1 : indexOf(ordered, target);
        Set<Integer> replaced = new java.util.HashSet<>();
        Map<String, String> inherited = new HashMap<>(notes);
        if (at >= 0 && !later.isEmpty()) {
            StoredPage old = ordered.remove(at);
            replaced.add(old.index());
            deleted.add(old);
            ordered.addAll(at, later);
            // the rescan takes the replaced page's place, and what the clerk said about where its document starts
            int first = later.get(0).index();
            if (notes.containsKey(NEW + old.index())) {
                inherited.put(NEW + first, "1");
            }
            if (notes.containsKey(JOIN + old.index())) {
                inherited.put(JOIN + first, "1");
            }
        } else {
            ordered.addAll(later);
        }
        List<Reopened> out = new ArrayList<>();
        for (StoredPage p : ordered) {
            int id = p.index();
            out.add(new Reopened(p, turn(notes, id), inherited.containsKey(NEW + id), inherited.containsKey(JOIN + id), false,
                    target != null && target == id && replaced.isEmpty()));
        }
        for (StoredPage p : deleted) {
            int id = p.index();
            out.add(new Reopened(p, turn(notes, id), notes.containsKey(NEW + id), notes.containsKey(JOIN + id), true,
                    false));
        }
        return out;
    }

    private static int indexOf(List<StoredPage> pages, int id) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).index() == id) {
                return i;
            }
        }
        return -1;
    }

    private static int turn(Map<String, String> notes, int id) {
        try {
            return Integer.parseInt(notes.getOrDefault(TURN + id, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Starts bringing back {@code stored}: its pages follow, analysed again, through {@link #restore}. */
    synchronized void reopen(StoredBatch stored) {
        batch = stored;
        pages.clear();
        removed.clear();
        rescanTarget = null;
        insertAt = -1;
        placed = List.of();
    }

    /** A page of the reopened batch, analysed again; deleted ones go among the deleted pages (Undo brings them back). */
    synchronized void restore(Entry e, Reopened how) {
        e.startsNew = how.startsNew();
        e.joinsPrevious = how.joinsPrevious();
        if (how.awaitingRescan()) {
            rescanTarget = e.id;
        }
        if (how.deleted()) {
            removed.push(new Removal(List.of(pages.size()), List.of(e), "1 page"));
        } else {
            pages.add(e);
        }
        place();
    }

    // ---------------------------------------------------------------- the clerk's changes

    /** Takes pages out of the batch; they stay in the store until the batch is filed, and Undo brings them back. */
    synchronized int delete(Collection<Integer> ids, String what) {
        requireNotFiling();
        List<Integer> positions = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (ids.contains(pages.get(i).id)) {
                positions.add(i);
                entries.add(pages.get(i));
            }
        }
        if (entries.isEmpty()) {
            throw new StationException("Those pages are no longer in this batch.");
        }
        for (int i = positions.size() - 1; i >= 0; i--) {
            pages.remove((int) positions.get(i));
        }
        if (rescanTarget != null && ids.contains(rescanTarget)) {
            rescanTarget = null;
        }
        removed.push(new Removal(positions, entries, what));
        changed();
        return entries.size();
    }

    /** Brings back the pages taken out last; returns what they were, or null when nothing can be brought back. */
    synchronized String undoRemoval() {
        requireNotFiling();
        Removal r = removed.poll();
        if (r == null) {
            return null;
        }
        for (int i = 0; i < r.entries().size(); i++) {
            pages.add(Math.min(r.positions().get(i), pages.size()), r.entries().get(i));
        }
        changed();
        return r.what();
    }

    synchronized int deletedCount() {
        return removed.stream().mapToInt(r -> r.entries().size()).sum();
    }

    /** Moves the pages (in their present order) so that they stand before the page now at {@code position} (from 0; the end when past it). */
    synchronized void move(Collection<Integer> ids, int position) {
        requireNotFiling();
        List<Entry> moving = new ArrayList<>();
        int before = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (ids.contains(pages.get(i).id)) {
                moving.add(pages.get(i));
                if (i < position) {
                    before++;
                }
            }
        }
        if (moving.isEmpty()) {
            throw new StationException("Those pages are no longer in this batch.");
        }
        pages.removeAll(moving);
        int at = Math.max(0, Math.min(position - before, pages.size()));
        pages.addAll(at, moving);
        changed();
    }

    /** What the clerk says about where a page's document starts. */
    enum Boundary {
        /** as the analysis placed it */
        AS_ANALYSED,
        /** the page starts a new document */
        STARTS_NEW,
        /** the page (and its document) joins the document before it */
        JOINS_PREVIOUS
    }

    synchronized void setBoundary(int id, Boundary boundary) {
        requireNotFiling();
        Entry e = entry(id);
        e.startsNew = boundary == Boundary.STARTS_NEW;
        e.joinsPrevious = boundary == Boundary.JOINS_PREVIOUS;
        changed();
    }

    /** The page's findings after the clerk turned it (analysed again on the turned scan). */
    synchronized void turned(int id, PageFindings findings, BufferedImage thumbnail, int turned) {
        requireNotFiling();
        Entry e = entry(id);
        e.findings = findings;
        e.thumbnail = thumbnail;
        e.turned = ((turned % 360) + 360) % 360;
        changed();
    }

    /** The page the next scan replaces in its place (null: none). */
    synchronized void rescanInPlace(Integer id) {
        requireNotFiling();
        if (id != null) {
            entry(id);
        }
        rescanTarget = id;
        changed();
    }

    synchronized Integer rescanTarget() {
        return rescanTarget;
    }

    synchronized Entry entry(int id) {
        for (Entry e : pages) {
            if (e.id == id) {
                return e;
            }
        }
        throw new StationException("That page is no longer in this batch.");
    }

    private int position(int id) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id == id) {
                return i;
            }
        }
        return -1;
    }

    private void changed() {
        place();
        try {
            journal();
        } catch (IOException e) {
            throw new StationException("The change could not be recorded in the store: " + StationEvents.messageOf(e)
                    + " The pages are kept as they were stored.", e);
        }
    }

    private void place() {
        placed = OpenBatchAssembly.assemble(pages, rescanTarget);
    }

    /** Journals the arrangement (order, notes per page, deleted pages, the page waiting to be rescanned). */
    private void journal() throws IOException {
        if (batch == null) {
            return;
        }
        List<Integer> order = pages.stream().map(e -> e.id).toList();
        Map<String, String> notes = new HashMap<>();
        List<Entry> all = new ArrayList<>(pages);
        removed.forEach(r -> all.addAll(r.entries()));
        for (Entry e : all) {
            if (e.startsNew) {
                notes.put(NEW + e.id, "1");
            }
            if (e.joinsPrevious) {
                notes.put(JOIN + e.id, "1");
            }
            if (e.turned != 0) {
                notes.put(TURN + e.id, Integer.toString(e.turned));
            }
        }
        removed.forEach(r -> r.entries().forEach(e -> notes.put(DELETED + e.id, "1")));
        if (rescanTarget != null) {
            notes.put(RESCAN + rescanTarget, "1");
        }
        batch.arrange(order, notes);
    }

    private void requireNotFiling() {
        if (filing) {
            throw new StationException("The batch is being filed: wait until it is done.");
        }
    }

    // ---------------------------------------------------------------- reading

    /** The pages as the clerk sees them; none while the batch is being filed. */
    synchronized List<LivePage> livePages() {
        return filing ? List.of() : placed;
    }

    synchronized BatchTotals totals() {
        return filing ? BatchTotals.EMPTY : BatchTotals.of(placed, deletedCount());
    }

    synchronized StoredBatch batch() {
        return batch;
    }

    synchronized boolean isEmpty() {
        return pages.isEmpty();
    }

    synchronized int size() {
        return pages.size();
    }

    // ---------------------------------------------------------------- filing

    /** What is handed to filing: the store batch, its pages as placed, and the deleted pages to take out first. */
    record Filing(StoredBatch batch, List<LivePage> pages, List<Integer> deleted) {
    }

    /** Hands the batch over for filing; until {@link #filed} or {@link #notFiled}, no scan or change may touch it. */
    synchronized Filing startFiling() {
        if (filing) {
            throw new StationException("The batch is already being filed.");
        }
        if (rescanTarget != null) {
            throw new StationException("Page " + (position(rescanTarget) + 1) + " is waiting to be rescanned: scan it, or"
                    + " cancel the rescan, before filing the batch.");
        }
        filing = true;
        List<Integer> deleted = new ArrayList<>();
        removed.forEach(r -> r.entries().forEach(e -> deleted.add(e.id)));
        return new Filing(batch, placed, deleted);
    }

    /** The deleted pages were taken out of the store for good: Undo can no longer bring them back. */
    synchronized void deletedForGood() {
        removed.clear();
    }

    /** The batch is filed (its decisions are stored): the next page starts a new batch. */
    synchronized void filed() {
        filing = false;
        batch = null;
        pages.clear();
        removed.clear();
        rescanTarget = null;
        insertAt = -1;
        placed = List.of();
    }

    /** Filing stopped before its commit point: the pages are still this open batch. */
    synchronized void notFiled() {
        filing = false;
    }

    synchronized boolean isFiling() {
        return filing;
    }
}
