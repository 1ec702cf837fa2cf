package org.scanstation.station;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchStore;
import org.scanstation.store.StoredBatch;

/**
 * The batch being scanned, not filed yet: a batch of the encrypted store (made at the first page) whose
 * pages are stored as they arrive, so a crash or a closed window loses none of them, and the pages as
 * the clerk sees them (number, analysis, thumbnail, document). Thread-safe.
 */
final class OpenBatch {

    /** One page of the open batch: what the clerk sees, and where it is stored. */
    record OpenPage(LivePage live, int storedPage) {
    }

    private final BatchStore store;
    private final String stationId;
    private final List<OpenPage> pages = new ArrayList<>();
    private StoredBatch batch;
    private int documentOffset;
    private boolean filing;

    OpenBatch(BatchStore store, String stationId) {
        this.store = store;
        this.stationId = stationId;
    }

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

    /** Reopens a batch an earlier session scanned into and never filed, with its pages analysed again. */
    synchronized void reopen(StoredBatch stored, List<OpenPage> restored) {
        batch = stored;
        pages.clear();
        pages.addAll(restored);
        documentOffset = restored.stream().mapToInt(p -> p.live().document()).max().orElse(0);
    }

    /** Documents of later scans are numbered after these. */
    synchronized int documentOffset() {
        return documentOffset;
    }

    synchronized void scanEnded(int lastDocument) {
        documentOffset = Math.max(documentOffset, lastDocument);
    }

    /** Adds an analysed page at the end; returns it as shown (numbered). */
    synchronized LivePage add(LivePage live, int storedPage) {
        LivePage numbered = new LivePage(pages.size() + 1, live.analysis(), live.thumbnail(), live.document());
        pages.add(new OpenPage(numbered, storedPage));
        return numbered;
    }

    /** The pages as the clerk sees them; none while the batch is being filed. */
    synchronized List<LivePage> livePages() {
        return filing ? List.of() : pages.stream().map(OpenPage::live).toList();
    }

    synchronized boolean isEmpty() {
        return pages.isEmpty();
    }

    synchronized int size() {
        return pages.size();
    }

    /** Takes page {@code number} (from 1) out of the batch and the store; the rest are renumbered. */
    synchronized void remove(int number, String reason) throws IOException {
        if (number < 1 || number > pages.size()) {
            throw new StationException("There is no page " + number + " in this batch.");
        }
        OpenPage gone = pages.get(number - 1);
        batch.removePage(gone.storedPage(), reason);
        pages.remove(number - 1);
        for (int i = 0; i < pages.size(); i++) {
            OpenPage p = pages.get(i);
            LivePage l = p.live();
            pages.set(i, new OpenPage(new LivePage(i + 1, l.analysis(), l.thumbnail(), l.document()), p.storedPage()));
        }
    }

    /** What is handed to filing: the store batch and its pages, in order. */
    record Filing(StoredBatch batch, List<OpenPage> pages) {
    }

    /** Hands the batch over for filing; until {@link #filed} or {@link #notFiled}, no scan may add to it. */
    synchronized Filing startFiling() {
        if (filing) {
            throw new StationException("The batch is already being filed.");
        }
        filing = true;
        return new Filing(batch, List.copyOf(pages));
    }

    /** The batch is filed (its decisions are stored): the next page starts a new batch. */
    synchronized void filed() {
        filing = false;
        batch = null;
        pages.clear();
        documentOffset = 0;
    }

    /** Filing stopped before its commit point: the pages are still this open batch. */
    synchronized void notFiled() {
        filing = false;
    }

    synchronized boolean isFiling() {
        return filing;
    }
}
