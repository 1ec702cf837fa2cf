package org.scanstation.match;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.scanstation.match.store.ImportFailedException;
import org.scanstation.match.store.ImportOptions;
import org.scanstation.match.store.ImportReport;
import org.scanstation.match.store.IndexGeneration;
import org.scanstation.match.store.IndexHome;
import org.scanstation.match.store.IndexImporter;
import org.scanstation.match.store.TemporaryFolders;
import org.scanstation.model.Patient;

/**
 * A patient index given as a CSV file (the PAS extract; format in {@code match.extract.ExtractColumns}),
 * for {@code --patients FILE} and small indexes: the file is imported strictly (any refused row is an
 * error naming file, line and field) into a private temporary store, deleted when the index is closed or
 * the program ends. The same store, importer and rules as an imported index ({@code scanstation index
 * import}); only where it lives differs.
 */
public final class CsvPatientIndex implements PatientIndex {

    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TEMPORARY.forEach(TemporaryFolders::delete),
                "patient-index-cleanup"));
    }

    private final IndexGeneration store;
    private final Path dir;

    private CsvPatientIndex(IndexGeneration store, Path dir) {
        this.store = store;
        this.dir = dir;
    }

    public static CsvPatientIndex load(Path csv) throws PatientIndexException {
        return load(csv, null);
    }

    /** @param charset the file's character set, or null to detect it */
    public static CsvPatientIndex load(Path csv, Charset charset) throws PatientIndexException {
        Path dir;
        try {
            dir = TemporaryFolders.create("scanstation-index-");
        } catch (IOException e) {
            throw new PatientIndexException("cannot create a temporary patient index for " + csv + ": " + e.getMessage(), e);
        }
        TEMPORARY.add(dir);
        IndexHome home = IndexHome.at(dir);
        try {
            IndexImporter.importExtract(home, csv, ImportOptions.strict().withCharset(charset));
            return new CsvPatientIndex(home.openCurrent(), dir);
        } catch (ImportFailedException e) {
            discard(dir);
            throw new PatientIndexException(message(csv, e), e);
        } catch (PatientIndexException | RuntimeException e) {
            discard(dir);
            throw e;
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

    @Override
    public void close() {
        store.close();
        discard(dir);
    }

    private static void discard(Path dir) {
        TemporaryFolders.delete(dir);
        TEMPORARY.remove(dir);
    }
}
