package org.scanstation.match;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.scanstation.match.store.ImportFailedException;
import org.scanstation.match.store.ImportOptions;
import org.scanstation.match.store.ImportReport;
import org.scanstation.match.store.IndexGeneration;
import org.scanstation.match.store.IndexImporter;
import org.scanstation.model.Patient;

/**
 * A patient index given as a CSV file (the PAS extract; format in {@code match.extract.ExtractColumns}),
 * for {@code --patients FILE} and small indexes: the file is loaded strictly (any refused row is an error
 * naming file, line and field) into a store held in memory for this run (SQLite's native memory, not the
 * Java heap). The same store, importer and rules as an imported index ({@code scanstation index import});
 * only where it lives differs: nowhere on disk, so no copy of the patients is left in a temporary folder,
 * even for a moment, and nothing is left behind by a crash.
 */
public final class CsvPatientIndex implements PatientIndex {

    private final IndexGeneration store;

    private CsvPatientIndex(IndexGeneration store) {
        this.store = store;
    }

    public static CsvPatientIndex load(Path csv) throws PatientIndexException {
        return load(csv, null);
    }

    /** @param charset the file's character set, or null to detect it */
    public static CsvPatientIndex load(Path csv, Charset charset) throws PatientIndexException {
        try {
            return new CsvPatientIndex(IndexImporter.loadIntoMemory(csv, ImportOptions.strict().withCharset(charset)));
        } catch (ImportFailedException e) {
            throw new PatientIndexException(message(csv, e), e);
        }
    }

    private static String message(Path csv, ImportFailedException e) {
        ImportReport r = e.report();
        if (r == null || r.refusedRows() == 0) {
            return r == null ? e.getMessage() : r.failure();
        }
        List<String> first = r.firstRefusals().stream().limit(5).map(Object::toString).toList();
        return String.format("%s: %,d %s refused (%s): %s%s", csv, r.refusedRows(), r.refusedRows() == 1 ? "row" : "rows",
                r.refusedCounts(), String.join("; ", first), r.refusedRows() > first.size() ? "; ..." : "");
    }

    @Override
    public Optional<Patient> byNhsNumber(String digits) {
        return store.byNhsNumber(digits);
    }

    @Override
    public Optional<Patient> byHospitalNumber(String mrn) {
        return store.byHospitalNumber(mrn);
    }

    @Override
    public Optional<RetiredIdentifier> retired(IdentifierRead.Kind kind, String value) {
        return store.retired(kind, value);
    }

    @Override
    public List<Patient> search(PatientQuery query, int limit) {
        return store.search(query, limit);
    }

    @Override
    public int size() {
        return store.size();
    }

    /** Releases the memory the index holds. */
    @Override
    public void close() {
        store.close();
    }
}
