package org.scanstation.station;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.Quarantine;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.upload.EdmsClient;
import org.scanstation.upload.EdmsDocument;
import org.scanstation.upload.EdmsException;
import org.scanstation.upload.UploadListener;
import org.scanstation.upload.UploadOutcome;
import org.scanstation.upload.UploadQueue;
import org.scanstation.upload.UploadResult;
import org.scanstation.upload.UploadService;
import org.scanstation.upload.UploadSettings;

/**
 * The upload queue as the station shows it: the background uploader (when an EDMS is configured), the
 * connection state, and every document's state in plain words, read from the batch journals.
 */
final class UploadMonitor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadMonitor.class.getName());

    private final BatchStore store;
    private final EdmsClient edms;
    private final String edmsName;
    private final StationEvents events;
    private final StationWork work;
    private final UploadQueue queue;
    private final Map<String, Integer> retries = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private volatile boolean online;
    private volatile String connectionText;

    UploadMonitor(BatchStore store, EdmsClient edms, UploadSettings settings, String edmsName, StationEvents events,
                  StationWork work) {
        this.store = store;
        this.edms = edms;
        this.edmsName = edmsName;
        this.events = events;
        this.work = work;
        if (edms == null) {
            connectionText = "Offline: " + edmsName;
            queue = null;
        } else {
            connectionText = "Connecting to " + edmsName + " ...";
            queue = new UploadQueue(store, new UploadService(edms, settings), new Listener(), this::runEnded,
                    Duration.ofSeconds(30), Duration.ofSeconds(20));
        }
    }

    void start() {
        if (queue != null) {
            queue.start();
        }
    }

    /** Asks the uploader to look for queued documents now. */
    void wake() {
        if (queue != null) {
            queue.wake();
        }
    }

    boolean isOnline() {
        return online;
    }

    String connectionText() {
        return connectionText;
    }

    String edmsName() {
        return edmsName;
    }

    /** Every document of the store with its upload state in plain words, newest batch first. */
    List<UploadLine> lines() {
        List<UploadLine> lines = new ArrayList<>();
        // batches set aside because their journal is damaged: kept for IT, never uploaded, said in words
        for (Quarantine.Item q : store.quarantined()) {
            lines.add(new UploadLine(q.batch() == null ? "audit trail" : q.batch(), 0, 0,
                    "set aside for IT: not uploaded, nothing deleted", 0, q.describe(), true));
        }
        List<StoredBatch> batches = new ArrayList<>(store.batches());
        batches.sort(Comparator.comparing(StoredBatch::createdAt).reversed());
        for (StoredBatch b : batches) {
            for (StoredDocument d : b.documents()) {
                String k = Station.key(b.id(), d.index());
                String error = d.state() == DocumentState.FAILED ? d.lastDetail().orElse("refused by the EDMS")
                        : lastErrors.getOrDefault(k, "");
                lines.add(new UploadLine(b.id().value(), d.index() + 1, d.pages().size(), stateWords(d),
                        retries.getOrDefault(k, 0), error, d.state() == DocumentState.FAILED));
            }
        }
        return lines;
    }

    static String stateWords(StoredDocument d) {
        return switch (d.state()) {
            case SCANNED, ANALYSED -> "being prepared";
            case EXPORTED -> "PDF ready";
            case QUEUED -> "waiting to upload";
            case UPLOADED -> "uploaded, being checked";
            case VERIFIED -> "uploaded and checked";
            case PURGED -> "uploaded (local copy removed)";
            case FAILED -> "failed: needs attention";
            case HELD -> "held: waiting for review";
            case UNIDENTIFIABLE -> "held: unidentifiable, never uploaded";
            case RESCAN -> "held: sent back for rescanning";
        };
    }

    /** Documents queued but not yet on the EDMS. */
    int pending() {
        int n = 0;
        for (StoredBatch b : store.batches()) {
            for (StoredDocument d : b.documents()) {
                if (d.state() == DocumentState.QUEUED || d.state() == DocumentState.UPLOADED) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Puts failed documents back in the queue and asks the uploader to try now. */
    void retryNow() {
        work.submit("putting the failed documents back in the queue", () -> {
            try {
                for (StoredBatch b : store.batches()) {
                    for (StoredDocument d : b.documents()) {
                        if (d.state() == DocumentState.FAILED && d.pdfSha256() != null) {
                            b.requeue(d.index(), "retry asked at the station");
                        }
                    }
                }
            } finally {
                wake();
                events.queuesChanged();
            }
        });
    }

    private void runEnded(UploadResult r) {
        boolean nowOnline = r.outcome() == UploadOutcome.NOTHING_TO_DO ? probe()
                : r.outcome() != UploadOutcome.EDMS_UNAVAILABLE;
        setConnection(nowOnline, nowOnline ? "Online: " + edmsName
                : "Offline: the EDMS does not answer. Documents wait here and upload when it is back.");
        events.queuesChanged();
    }

    /** Asks the EDMS for its repository: true when it answers (a run with nothing to send proves nothing). */
    private boolean probe() {
        try {
            edms.repositoryInfo();
            return true;
        } catch (EdmsException | RuntimeException e) {
            return false;
        }
    }

    private void setConnection(boolean nowOnline, String text) {
        online = nowOnline;
        connectionText = text;
        events.connection(nowOnline, text);
    }

    private final class Listener implements UploadListener {
        private volatile String current;

        @Override
        public void creating(StoredDocument document) {
            current = Station.key(document.batchId(), document.index());
        }

        @Override
        public void uploaded(StoredDocument document, EdmsDocument created) {
            events.uploaded.incrementAndGet();
            lastErrors.remove(Station.key(document.batchId(), document.index()));
            if (!online) {
                setConnection(true, "Online: " + edmsName);
            }
            events.progress();
            events.queuesChanged();
        }

        @Override
        public void verified(StoredDocument document) {
            events.queuesChanged();
        }

        @Override
        public void failed(StoredDocument document, String reason) {
            lastErrors.put(Station.key(document.batchId(), document.index()), reason);
            events.queuesChanged();
        }

        @Override
        public void retrying(String operation, int failedAttempts, Duration wait, EdmsException cause) {
            String k = current;
            if (k != null) {
                retries.merge(k, 1, Integer::sum);
                lastErrors.put(k, "could not reach the EDMS (" + StationEvents.messageOf(cause) + "); trying again in "
                        + wait.toSeconds() + " s");
            }
            events.queuesChanged();
        }
    }

    /** Stops the uploader (it resumes at the next start) and closes the EDMS connection. */
    @Override
    public void close() {
        if (queue != null) {
            try {
                queue.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (edms != null) {
            try {
                edms.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing the EDMS client", e);
            }
        }
    }
}
