package org.scanstation.station;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.Patient;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.Quarantine;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.upload.EdmsClient;
import org.scanstation.upload.EdmsDocument;
import org.scanstation.upload.EdmsException;
import org.scanstation.upload.EdmsRejectedException;
import org.scanstation.upload.UploadListener;
import org.scanstation.upload.UploadOutcome;
import org.scanstation.upload.UploadQueue;
import org.scanstation.upload.UploadResult;
import org.scanstation.upload.UploadService;
import org.scanstation.upload.UploadSettings;

/**
 * The upload queue as the station shows it: the background uploader (when an EDMS is configured), the
 * connection state following the last request (an upload's, or a light check every
 * {@link #CHECK_EVERY} when nothing else asked the EDMS), and every document's state and its own problem
 * in plain words, read from the batch journals.
 */
final class UploadMonitor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadMonitor.class.getName());
    /** How often the EDMS is asked whether it answers when no upload asked it meanwhile. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(3);

    private final BatchStore store;
    private final EdmsClient edms;
    private final EdmsClient check;
    private final PatientIndex index;
    private final String edmsName;
    private final StationEvents events;
    private final StationWork work;
    private final WakeableSleeper sleeper = new WakeableSleeper();
    private final UploadQueue queue;
    private final ScheduledExecutorService checker;
    private final Map<String, Integer> retries = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private volatile boolean online;
    private volatile String connectionText;
    private volatile long lastAnswerNanos = System.nanoTime() - CHECK_EVERY.toNanos();
    private volatile String current;

    /**
     * @param check the client for the light connection check (short time-outs), or null to use {@code edms}
     */
    UploadMonitor(BatchStore store, EdmsClient edms, EdmsClient check, PatientIndex index, UploadSettings settings,
                  String edmsName, StationEvents events, StationWork work) {
        this.store = store;
        this.edms = edms;
        this.check = check == null ? edms : check;
        this.index = index;
        this.edmsName = edmsName;
        this.events = events;
        this.work = work;
        if (edms == null) {
            connectionText = "Offline: " + edmsName;
            queue = null;
            checker = null;
        } else {
            connectionText = "Connecting to " + edmsName + " ...";
            queue = new UploadQueue(store, new UploadService(edms, settings.withRetry(settings.retry(), sleeper)),
                    new Listener(), this::runEnded, Duration.ofSeconds(30), Duration.ofSeconds(20));
            checker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "scanstation-edms-check");
                t.setDaemon(true);
                return t;
            });
        }
    }

    void start() {
        if (queue != null) {
            queue.start();
            long every = CHECK_EVERY.toMillis();
            checker.scheduleWithFixedDelay(this::checkIfQuiet, 0, every / 3, TimeUnit.MILLISECONDS);
        }
    }

    /** Asks the uploader to look for queued documents now. */
    void wake() {
        if (queue != null) {
            sleeper.wake();
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

    // ---------------------------------------------------------------- the connection

    /** Checks the EDMS when no request answered or failed for {@link #CHECK_EVERY}. */
    private void checkIfQuiet() {
        if (System.nanoTime() - lastAnswerNanos >= CHECK_EVERY.toNanos()) {
            checkNow();
        }
    }

    /** Asks the EDMS for its repository now; true when it answers. */
    boolean checkNow() {
        if (check == null) {
            return false;
        }
        try {
            check.ping();
            answered();
            return true;
        } catch (EdmsRejectedException e) {
            noAnswer("it refuses the station: " + StationEvents.messageOf(e));
        } catch (EdmsException | RuntimeException e) {
            noAnswer(StationEvents.messageOf(e));
        }
        return false;
    }

    private void answered() {
        lastAnswerNanos = System.nanoTime();
        if (!online) {
            setConnection(true, "Online: " + edmsName);
            // documents waiting out a back-off go now
            sleeper.wake();
            if (queue != null) {
                queue.wake();
            }
            events.queuesChanged();
        }
    }

    private void noAnswer(String why) {
        lastAnswerNanos = System.nanoTime();
        if (online || !connectionText.startsWith("Offline since")) {
            setConnection(false, "Offline since " + DayFormat.time(Instant.now()) + ": the EDMS does not answer ("
                    + why + "). Documents wait here and upload when it is back.");
            events.queuesChanged();
        }
    }

    private void setConnection(boolean nowOnline, String text) {
        online = nowOnline;
        connectionText = text;
        events.connection(nowOnline, text);
    }

    private void runEnded(UploadResult r) {
        if (r.outcome() == UploadOutcome.EDMS_UNAVAILABLE) {
            noAnswer(r.problems().isEmpty() ? "no answer" : r.problems().get(0));
        } else if (r.outcome() == UploadOutcome.NEEDS_ATTENTION && r.created() + r.verified() + r.foundExisting() == 0
                && !r.problems().isEmpty() && r.failed() == 0) {
            noAnswer(r.problems().get(0));
        } else if (r.outcome() != UploadOutcome.NOTHING_TO_DO && r.outcome() != UploadOutcome.INTERRUPTED) {
            answered();
        }
        events.queuesChanged();
    }

    // ---------------------------------------------------------------- the queue

    /** Every document of the store with its upload state and its own problem in plain words, newest batch first. */
    List<UploadLine> lines() {
        List<UploadLine> lines = new ArrayList<>();
        // batches set aside because their journal is damaged: kept for IT, never uploaded, said in words
        for (Quarantine.Item q : store.quarantined()) {
            lines.add(new UploadLine(q.batch() == null ? "audit trail" : q.batch(), 0, 0,
                    "set aside for IT: not uploaded, nothing deleted", 0, q.describe(), true, "", "", null));
        }
        List<StoredBatch> batches = new ArrayList<>(store.batches());
        batches.sort(Comparator.comparing(StoredBatch::createdAt).reversed());
        for (StoredBatch b : batches) {
            for (StoredDocument d : b.documents()) {
                String k = Station.key(b.id(), d.index());
                Patient p = d.nhsNumber() == null ? null : index.byNhsNumber(d.nhsNumber()).orElse(null);
                lines.add(new UploadLine(b.id().value(), d.index() + 1, d.pages().size(), stateWords(d),
                        retries.getOrDefault(k, 0), problemOf(d, k), d.state() == DocumentState.FAILED,
                        p == null ? "" : p.displayName(), p == null ? "" : p.nhsNumber().formatted(), b.createdAt()));
            }
        }
        return lines;
    }

    private String problemOf(StoredDocument d, String key) {
        return switch (d.state()) {
            case FAILED -> d.lastDetail().orElse("refused by the EDMS");
            case QUEUED, UPLOADED -> {
                String own = problems.get(key);
                if (own != null) {
                    yield own;
                }
                yield edms != null && !online && connectionText.startsWith("Offline")
                        ? "waiting: the EDMS does not answer" : "";
            }
            default -> "";
        };
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
            case RESCAN -> d.rescanDone() ? "held: rescanned, never uploaded" : "held: sent back for rescanning";
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

    /**
     * Puts failed documents back in the queue, asks the EDMS whether it answers and says so, and has the
     * uploader try now (cutting short any wait between retries).
     */
    void retryNow() {
        work.submit(StationEvents.Topic.UPLOAD, "retrying the uploads", () -> {
            try {
                int requeued = 0;
                for (StoredBatch b : store.batches()) {
                    for (StoredDocument d : b.documents()) {
                        if (d.state() == DocumentState.FAILED && d.pdfSha256() != null) {
                            b.requeue(d.index(), "retry asked at the station");
                            problems.remove(Station.key(b.id(), d.index()));
                            requeued++;
                        }
                    }
                }
                if (edms == null) {
                    events.notice(StationEvents.Topic.UPLOAD, "Retry now: " + connectionText.replaceFirst("^Offline: ", ""));
                    return;
                }
                int waiting = pending();
                boolean answers = checkNow();
                events.notice(StationEvents.Topic.UPLOAD, answers
                        ? "Retry now: the EDMS answers; " + waiting + (waiting == 1 ? " document is" : " documents are")
                        + " being sent" + (requeued > 0 ? " (" + requeued + " failed ones put back in the queue)." : ".")
                        : "Retry now: the EDMS still does not answer. " + waiting
                        + (waiting == 1 ? " document waits" : " documents wait") + " here and upload when it is back.");
            } finally {
                wake();
                events.queuesChanged();
            }
        });
    }

    private final class Listener implements UploadListener {

        @Override
        public void working(StoredDocument document) {
            current = document == null ? null : Station.key(document.batchId(), document.index());
        }

        @Override
        public void uploaded(StoredDocument document, EdmsDocument created) {
            events.uploaded.incrementAndGet();
            problems.remove(Station.key(document.batchId(), document.index()));
            answered();
            events.progress();
            events.queuesChanged();
        }

        @Override
        public void verified(StoredDocument document) {
            problems.remove(Station.key(document.batchId(), document.index()));
            answered();
            events.queuesChanged();
        }

        @Override
        public void failed(StoredDocument document, String reason) {
            problems.put(Station.key(document.batchId(), document.index()), reason);
            events.queuesChanged();
        }

        @Override
        public void retrying(String operation, int failedAttempts, Duration wait, EdmsException cause) {
            noAnswer(StationEvents.messageOf(cause));
            String k = current;
            if (k != null) {
                retries.merge(k, 1, Integer::sum);
                problems.put(k, "could not reach the EDMS (" + StationEvents.messageOf(cause) + "); trying again in "
                        + Math.max(1, wait.toSeconds()) + " s");
            }
            events.queuesChanged();
        }
    }

    /** Stops the uploader (it resumes at the next start) and closes the EDMS connections. */
    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
        if (queue != null) {
            try {
                queue.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (EdmsClient c : new EdmsClient[]{edms, check == edms ? null : check}) {
            if (c != null) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "closing the EDMS client", e);
                }
            }
        }
    }
}
