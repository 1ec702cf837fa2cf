package org.scanstation.match.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.match.IdentifierRead;
import org.scanstation.match.PatientIndex;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.PatientQuery;
import org.scanstation.match.RetiredIdentifier;
import org.scanstation.model.Patient;

/**
 * The index a station uses: the current generation of an {@link IndexHome}, switched to the next one
 * when a nightly import has replaced it, without a restart. It looks at the pointer at most every
 * {@code checkEvery}; the generation before is kept open until the next switch so that a decision
 * under way on a {@link #snapshot()} finishes on the index it started with. If the new generation
 * cannot be opened the station keeps the one it has and tries again later.
 */
public final class LivePatientIndex implements PatientIndex {

    private static final Logger LOG = Logger.getLogger(LivePatientIndex.class.getName());

    private final IndexHome home;
    private final long checkEveryNanos;
    private final LongSupplier nanoTime;
    private volatile IndexGeneration current;
    private IndexGeneration previous;
    private long nextCheck;

    private LivePatientIndex(IndexHome home, IndexGeneration current, Duration checkEvery, LongSupplier nanoTime) {
        this.home = home;
        this.current = current;
        this.checkEveryNanos = checkEvery.toNanos();
        this.nanoTime = nanoTime;
        this.nextCheck = nanoTime.getAsLong() + checkEveryNanos;
    }

    /** Opens the index in {@code home}, looking for a newer generation every few seconds. */
    public static LivePatientIndex open(IndexHome home) throws PatientIndexException {
        return open(home, Duration.ofSeconds(5));
    }

    public static LivePatientIndex open(IndexHome home, Duration checkEvery) throws PatientIndexException {
        return new LivePatientIndex(home, home.openCurrent(), checkEvery, System::nanoTime);
    }

    /** The generation answering now (after looking for a switch if it is time to). */
    public IndexGeneration generation() {
        long now = nanoTime.getAsLong();
        if (now - nextCheck >= 0) {
            switchIfReplaced(now);
        }
        return current;
    }

    private synchronized void switchIfReplaced(long now) {
        if (now - nextCheck < 0) {
            return;
        }
        nextCheck = now + checkEveryNanos;
        try {
            Optional<IndexHome.Pointer> pointer = home.current();
            if (pointer.isEmpty() || home.fileOf(pointer.get().generation()).equals(current.file())) {
                return;
            }
            IndexGeneration next = home.openCurrent();
            if (previous != null) {
                previous.close();
            }
            previous = current;
            current = next;
            LOG.info(() -> "patient index switched to " + next.file().getFileName() + " (" + next.size() + " patients)");
        } catch (PatientIndexException e) {
            LOG.log(Level.WARNING, "patient index not switched, the current one stays in use: " + e.getMessage());
        }
    }

    @Override
    public PatientIndex snapshot() {
        return generation();
    }

    @Override
    public Optional<Patient> byNhsNumber(String digits) {
        return generation().byNhsNumber(digits);
    }

    @Override
    public Optional<Patient> byHospitalNumber(String mrn) {
        return generation().byHospitalNumber(mrn);
    }

    @Override
    public Optional<RetiredIdentifier> retired(IdentifierRead.Kind kind, String value) {
        return generation().retired(kind, value);
    }

    @Override
    public List<Patient> search(PatientQuery query, int limit) {
        return generation().search(query, limit);
    }

    @Override
    public int size() {
        return generation().size();
    }

    @Override
    public synchronized void close() {
        current.close();
        if (previous != null) {
            previous.close();
        }
    }
}
