package org.scanstation.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.scanstation.model.NhsNumber;
import org.scanstation.logging.Redactor;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.Sha256;
import org.scanstation.store.StoreCorruptedException;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;

/**
 * Uploads every queued document of a {@link BatchStore} to the EDMS, exactly once, and proves it:
 * <ol>
 *   <li>QUEUED: look the document up by its {@link DocumentKey}; if the EDMS lacks it, create it in
 *       ROOT/NHS-NUMBER (looking up again before every retry of the create) → UPLOADED</li>
 *   <li>UPLOADED: download the content, compare length and sha256 with the local PDF → VERIFIED</li>
 *   <li>VERIFIED: once the retention has passed, delete the local copy → PURGED</li>
 * </ol>
 * Every step is journaled before the next, so a run killed at any point resumes where it stopped.
 * Network errors, time-outs and 5xx are retried with back-off ({@link RetryPolicy}); when they
 * persist the run stops with {@link UploadOutcome#EDMS_UNAVAILABLE}. A rejection of the connection
 * itself (credentials, TLS trust, repository; {@link EdmsRejectedException#affectsEveryRequest()})
 * stops the run and leaves the queue as it was; any other 4xx marks that document FAILED with the
 * server's message and the run goes on. A run the EDMS did not stop ends by anchoring the head of the
 * store's audit trail in the EDMS ({@link AuditAnchoring}).
 */
public final class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class.getName());

    private final EdmsClient client;
    private final UploadSettings settings;

    public UploadService(EdmsClient client, UploadSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Runs until every queued document is verified (and purged as due), or the EDMS stops the run. */
    public UploadResult uploadAll(BatchStore store, UploadListener listener) {
        Run run = new Run(listener);
        UploadOutcome stopped = null;
        try {
            outer:
            for (StoredBatch batch : store.batches()) {
                for (StoredDocument doc : batch.documents()) {
                    stopped = Thread.currentThread().isInterrupted() ? UploadOutcome.INTERRUPTED : run.process(batch, doc);
                    if (stopped != null) {
                        break outer;
                    }
                }
            }
            if (stopped == null) {
                run.anchorAuditTrail(store);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the store: " + e.getMessage(), e);
        }
        return run.result(store, stopped);
    }

    /** One pass over the store, with its counters. */
    private final class Run {
        final UploadListener listener;
        final List<String> problems = new ArrayList<>();
        int created;
        int foundExisting;
        int verified;
        int purged;
        boolean failedNow;

        Run(UploadListener listener) {
            this.listener = listener;
        }

        /** Moves one document as far as it goes; returns why the whole run must stop, or null. */
        UploadOutcome process(StoredBatch batch, StoredDocument doc) throws IOException {
            try {
                advance(batch, doc);
            } catch (EdmsUnavailableException e) {
                problems.add("EDMS unavailable: " + Redactor.mask(e.getMessage()));
                return UploadOutcome.EDMS_UNAVAILABLE;
            } catch (EdmsRejectedException e) {
                if (e.affectsEveryRequest()) {
                    problems.add(Redactor.mask(e.getMessage()));
                    return UploadOutcome.NEEDS_ATTENTION;
                }
                fail(batch, doc, "the EDMS refused it: " + e.getMessage());
            } catch (EdmsException e) {
                throw new IllegalStateException("unknown EDMS failure", e);
            } catch (StoreCorruptedException e) {
                fail(batch, doc, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return UploadOutcome.INTERRUPTED;
            } catch (IllegalStateException e) {
                // changed meanwhile by someone else (e.g. held by a supervisor): leave it be
                problems.add("batch " + batch.id() + " document " + doc.index() + " skipped: " + Redactor.mask(e.getMessage()));
            }
            return null;
        }

        void advance(StoredBatch batch, StoredDocument doc) throws EdmsException, IOException, InterruptedException {
            StoredDocument d = doc;
            if (d.state() == DocumentState.QUEUED) {
                d = upload(batch, d);
            }
            if (d.state() == DocumentState.UPLOADED) {
                d = verify(batch, d);
            }
            if (d.state() == DocumentState.VERIFIED && purgeDue(d)) {
                batch.purge(d.index());
                purged++;
                listener.purged(d);
            }
        }

        private StoredDocument upload(StoredBatch batch, StoredDocument doc)
                throws EdmsException, IOException, InterruptedException {
            if (doc.nhsNumber() == null || !NhsNumber.hasValidCheckDigit(doc.nhsNumber())) {
                fail(batch, doc, "the document has no valid NHS number to file it under");
                return batch.document(doc.index()).orElseThrow();
            }
            DocumentKey key = new DocumentKey(batch.id().value(), doc.index(), doc.pdfSha256());
            Optional<EdmsDocument> found = retry("look up", attempt -> client.find(key));
            EdmsDocument edms;
            if (found.isPresent()) {
                edms = found.get();
            } else {
                byte[] pdf = batch.readPdf(doc.index());
                if (!Sha256.hex(pdf).equals(doc.pdfSha256())) {
                    throw new StoreCorruptedException("batch " + batch.id() + " document " + doc.index(),
                            "PDF does not match its recorded sha256");
                }
                NewDocument nd = new NewDocument(key, doc.title(), "application/pdf", pdf, metadata(batch, doc));
                List<String> folder = new ArrayList<>(settings.folderRoot());
                folder.add(doc.nhsNumber());
                listener.creating(doc);
                edms = retry("create", attempt -> {
                    if (attempt > 1) {
                        // the previous attempt may have reached the server before it failed
                        Optional<EdmsDocument> again = client.find(key);
                        if (again.isPresent()) {
                            return again.get();
                        }
                    }
                    return client.create(client.ensureFolder(folder), nd,
                            (sent, total) -> listener.sending(doc, sent, total));
                });
            }
            batch.markUploaded(doc.index(), edms.objectId(), edms.existed());
            if (edms.existed()) {
                foundExisting++;
            } else {
                created++;
            }
            listener.uploaded(doc, edms);
            return batch.document(doc.index()).orElseThrow();
        }

        private StoredDocument verify(StoredBatch batch, StoredDocument doc)
                throws EdmsException, IOException, InterruptedException {
            ContentDigest digest = retry("verify", attempt -> client.contentDigest(doc.edmsObjectId()));
            if (digest.length() != doc.pdfSize() || !digest.sha256().equals(doc.pdfSha256())) {
                fail(batch, doc, "the EDMS content differs from the local PDF (EDMS " + digest.length() + " bytes sha256 "
                        + digest.sha256().substring(0, 12) + "..., local " + doc.pdfSize() + " bytes sha256 "
                        + doc.pdfSha256().substring(0, 12) + "...)");
                return batch.document(doc.index()).orElseThrow();
            }
            batch.markVerified(doc.index());
            verified++;
            listener.verified(doc);
            return batch.document(doc.index()).orElseThrow();
        }

        private boolean purgeDue(StoredDocument doc) {
            if (settings.retention().isZero()) {
                return true;
            }
            Instant at = doc.verifiedAt().orElse(Instant.MAX);
            return !at.plus(settings.retention()).isAfter(settings.clock().instant());
        }

        /** Sends the audit trail's head to the EDMS; a failure is a problem line, retried by the next run. */
        void anchorAuditTrail(BatchStore store) throws IOException {
            try {
                Optional<String> conflict = new AuditAnchoring(client, settings.folderRoot()).anchor(store);
                if (conflict.isPresent()) {
                    failedNow = true;
                    problems.add(conflict.get());
                }
            } catch (EdmsException e) {
                problems.add("the audit trail's head could not be filed in the EDMS this time (" + e.getMessage()
                        + "); the next upload sends it");
            }
        }

        void fail(StoredBatch batch, StoredDocument doc, String text) throws IOException {
            // kept in the store, shown by queue and the window: never with an identifier a server quoted
            String reason = Redactor.mask(text);
            LOG.warning(() -> "batch " + batch.id() + " document " + doc.index() + " failed: " + reason);
            failedNow = true;
            problems.add("batch " + batch.id() + " document " + doc.index() + ": " + reason);
            try {
                batch.markFailed(doc.index(), reason);
            } catch (IllegalStateException e) {
                LOG.warning(() -> "cannot mark batch " + batch.id() + " document " + doc.index() + " failed: "
                        + e.getMessage());
            }
            listener.failed(doc, reason);
        }

        private <T> T retry(String operation, Attempt<T> op) throws EdmsException, InterruptedException {
            int failures = 0;
            while (true) {
                try {
                    return op.run(failures + 1);
                } catch (EdmsUnavailableException e) {
                    failures++;
                    if (failures >= settings.retry().maxAttempts()) {
                        throw e;
                    }
                    Duration wait = settings.retry().delay(failures, settings.random());
                    listener.retrying(operation, failures, wait, e);
                    LOG.info(() -> operation + " failed (" + e.getMessage() + "), retrying in " + wait.toMillis() + " ms");
                    settings.sleeper().sleep(wait);
                }
            }
        }

        UploadResult result(BatchStore store, UploadOutcome stopped) {
            int failed = 0;
            int pending = 0;
            for (StoredBatch b : store.batches()) {
                for (StoredDocument d : b.documents()) {
                    if (d.state() == DocumentState.FAILED) {
                        failed++;
                    } else if (d.state() == DocumentState.QUEUED || d.state() == DocumentState.UPLOADED) {
                        pending++;
                    }
                }
            }
            UploadOutcome outcome;
            if (stopped != null) {
                outcome = stopped;
            } else if (failed > 0 || failedNow) {
                outcome = UploadOutcome.NEEDS_ATTENTION;
            } else if (pending > 0) {
                outcome = UploadOutcome.EDMS_UNAVAILABLE;
            } else if (created + foundExisting + verified + purged == 0) {
                outcome = UploadOutcome.NOTHING_TO_DO;
            } else {
                outcome = UploadOutcome.ALL_VERIFIED;
            }
            return new UploadResult(outcome, created, foundExisting, verified, purged, failed, pending, problems);
        }
    }

    private static Map<String, String> metadata(StoredBatch batch, StoredDocument doc) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("batch", batch.id().value());
        m.put("document", Integer.toString(doc.index()));
        m.put("pages", Integer.toString(doc.pages().size()));
        m.put("sha256", doc.pdfSha256());
        m.put("scanned", batch.createdAt().toString());
        if (batch.info() != null && !batch.info().device().isEmpty()) {
            m.put("device", batch.info().device());
        }
        return m;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run(int attempt) throws EdmsException;
    }
}
