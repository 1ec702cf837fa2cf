package org.scanstation.match.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.extract.ExtractException;
import org.scanstation.match.extract.ExtractReader;
import org.scanstation.match.extract.ExtractRecord;
import org.scanstation.match.extract.Refusal;
import org.scanstation.match.extract.RegistrationParser;

/**
 * Imports a PAS extract into an {@link IndexHome}: reads it into a new generation beside the current
 * one, checks it, compares it with the current one, and only then switches to it atomically. A failed
 * import (unreadable extract, too many refused rows, a refresh that would remove too many patients, a
 * full disk, a killed process) never replaces the index in use: its half-written generation is deleted
 * (or, after a kill, by the next import) and the stations go on with the old one.
 */
public final class IndexImporter {

    /** The generation name an index built in memory reports. */
    private static final String IN_MEMORY = "in memory";

    private IndexImporter() {
    }

    /**
     * @return the report of an import that was switched to
     * @throws ImportFailedException when it was not switched to (the report inside says what was found)
     * @throws PatientIndexException when it could not start (another import running, folder not writable)
     */
    public static ImportReport importExtract(IndexHome home, Path extract, ImportOptions options) throws PatientIndexException {
        long started = System.nanoTime();
        try (IndexHome.ImportLock lock = home.lock()) {
            return run(home, extract, options, started);
        } catch (IOException e) {
            throw new PatientIndexException("cannot write the patient index in " + home.dir() + ": " + e.getMessage(), e);
        }
    }

    private static ImportReport run(IndexHome home, Path extract, ImportOptions options, long started)
            throws PatientIndexException, IOException {
        Optional<IndexHome.Pointer> previous;
        try {
            previous = home.current();
        } catch (PatientIndexException damaged) {
            previous = Optional.empty(); // a damaged pointer is what a new import repairs
        }
        String generation = home.newGenerationName(options.clock());
        Path file = home.fileOf(generation);
        Progress progress = new Progress(extract);
        try {
            GenerationBuilder.Contents contents = build(extract, options, file, progress);
            IndexChanges changes = null;
            if (previous.isPresent() && Files.isRegularFile(home.fileOf(previous.get().generation()))) {
                try {
                    changes = IndexChanges.between(home.fileOf(previous.get().generation()), file);
                } catch (SQLException e) {
                    changes = null; // the old generation is unreadable: nothing to compare, nothing to protect
                }
            }
            writeRefused(file, home.refusedFile(), extract);
            ImportReport report = progress.report(contents, changes, generation, started, null, home);
            String failure = thresholds(report, options, previous.isPresent());
            if (failure != null) {
                throw fail(home, file, progress.report(contents, changes, generation, started, failure, home), null);
            }
            home.switchTo(generation);
            home.removeOldGenerations(generation, previous.map(IndexHome.Pointer::generation).orElse(null));
            writeReport(home, report);
            return report;
        } catch (ExtractException e) {
            throw fail(home, file, progress.report(null, null, generation, started, e.getMessage(), home), e);
        } catch (SQLException e) {
            throw fail(home, file, progress.report(null, null, generation, started,
                    "the index could not be written (" + IndexGeneration.plain(e) + ")", home), e);
        } catch (OutOfMemoryError e) {
            throw fail(home, file, progress.report(null, null, generation, started,
                    "not enough memory to import the extract", home), null);
        }
    }

    private static GenerationBuilder.Contents build(Path extract, ImportOptions options, Path file, Progress progress)
            throws ExtractException, SQLException, IOException {
        try (ExtractReader reader = ExtractReader.open(extract, options.charset());
             GenerationBuilder builder = GenerationBuilder.create(file)) {
            return fill(reader, builder, extract, options, progress);
        }
    }

    /** Reads every row of the extract into {@code builder}, then applies the whole-file rules. */
    private static GenerationBuilder.Contents fill(ExtractReader reader, GenerationBuilder builder, Path extract,
                                                   ImportOptions options, Progress progress)
            throws ExtractException, SQLException, IOException {
        progress.charset = reader.charset().describe();
        RegistrationParser parser = RegistrationParser.forHeader(extract, reader.header(),
                LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC));
        progress.ignored = parser.ignoredColumns();
        for (ExtractRecord record = reader.next(); record != null; record = reader.next()) {
            progress.rows++;
            RegistrationParser.Result r = parser.parse(record);
            if (r.registration() != null) {
                builder.add(r.registration());
            } else {
                for (Refusal refusal : r.refusals()) {
                    builder.refuse(refusal);
                }
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", extract.toAbsolutePath().toString());
        meta.put("charset", progress.charset);
        meta.put("imported_at", options.clock().instant().toString());
        meta.put("rows_read", Long.toString(progress.rows));
        return builder.finish(meta, extract);
    }

    /**
     * Loads an extract into an index held in native memory for this run only ({@code --patients FILE.csv},
     * {@code patientIndex.csv}): the same reader, parser, rules and checks as {@link #importExtract}, but
     * nothing is written to any disk (no generation file, no report, no list of refused rows), so a CSV
     * index never leaves patient data in a temporary folder. It is released when closed or when the
     * program ends. Its memory is SQLite's, outside the Java heap: about the size an imported generation
     * has on disk (~170 MB for 909,000 patients).
     *
     * @throws ImportFailedException when the extract cannot be used; its report says what was found
     */
    public static IndexGeneration loadIntoMemory(Path extract, ImportOptions options) throws PatientIndexException {
        long started = System.nanoTime();
        Progress progress = new Progress(extract);
        try (ExtractReader reader = ExtractReader.open(extract, options.charset());
             GenerationBuilder builder = GenerationBuilder.inMemory()) {
            GenerationBuilder.Contents contents = fill(reader, builder, extract, options, progress);
            String failure = thresholds(progress.report(contents, null, IN_MEMORY, started, null, null), options, false);
            if (failure != null) {
                throw notLoaded(progress.report(contents, null, IN_MEMORY, started, failure, null), null);
            }
            return IndexGeneration.inMemory(extract, builder.builtInMemory());
        } catch (ExtractException e) {
            throw notLoaded(progress.report(null, null, IN_MEMORY, started, e.getMessage(), null), e);
        } catch (SQLException e) {
            throw notLoaded(progress.report(null, null, IN_MEMORY, started,
                    "the index could not be built in memory (" + IndexGeneration.plain(e) + ")", null), e);
        } catch (IOException e) {
            throw notLoaded(progress.report(null, null, IN_MEMORY, started, e.getMessage(), null), e);
        } catch (OutOfMemoryError e) {
            throw notLoaded(progress.report(null, null, IN_MEMORY, started,
                    "not enough memory to load the extract", null), null);
        }
    }

    private static ImportFailedException notLoaded(ImportReport report, Throwable cause) {
        return new ImportFailedException("patient index not loaded from " + report.source() + ": " + report.failure(),
                report, cause);
    }

    /** Why the import must not be switched to, or null. */
    private static String thresholds(ImportReport report, ImportOptions options, boolean refresh) {
        if (report.refusedRows() > options.maxRefusedRows()) {
            return String.format("%,d rows refused (%s), more than the %,d allowed (--max-refused)",
                    report.refusedRows(), report.refusedCounts(), options.maxRefusedRows());
        }
        if (report.patients() == 0) {
            return "the extract holds no patient";
        }
        IndexChanges c = report.changes();
        if (refresh && c != null && c.removedPercent() > options.maxRemovedPercent()) {
            return String.format("it would remove %,d of the %,d current patients (%.1f %%, more than the %.1f %% allowed:"
                            + " a truncated extract?); to accept it, import again with --max-removed-percent %.0f",
                    c.removed(), c.previousPatients(), c.removedPercent(), options.maxRemovedPercent(),
                    Math.ceil(c.removedPercent()));
        }
        return null;
    }

    private static ImportFailedException fail(IndexHome home, Path file, ImportReport report, Throwable cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // deleted by the next import's tidy-up
        }
        try {
            writeReport(home, report);
        } catch (IOException e) {
            // the report is in the exception as well
        }
        String current;
        try {
            current = home.current().map(p -> "the current index (" + p.generation() + ") stays in use")
                    .orElse("no index was imported before");
        } catch (PatientIndexException e) {
            current = "the current index is damaged";
        }
        return new ImportFailedException("patient index not imported from " + report.source() + ": " + report.failure()
                + "; " + current, report, cause);
    }

    private static void writeReport(IndexHome home, ImportReport report) throws IOException {
        Path tmp = home.reportFile().resolveSibling("last-import.txt.tmp");
        Files.write(tmp, report.describe(), StandardCharsets.UTF_8);
        Files.move(tmp, home.reportFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every refused row, one line each, from the generation's own table (any number, none in the heap). */
    private static void writeRefused(Path generation, Path out, Path extract) throws IOException, SQLException {
        try (Connection db = SqliteFiles.openReadOnly(generation);
             PreparedStatement p = db.prepareStatement("SELECT line, field, message FROM refused ORDER BY line, rowid");
             ResultSet rs = p.executeQuery();
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (rs.next()) {
                w.write(extract + ":" + rs.getLong(1) + ": " + rs.getString(2) + ": " + rs.getString(3));
                w.newLine();
            }
        }
    }

    /** What is known so far, for the report of an import that stops half way. */
    private static final class Progress {
        final Path extract;
        String charset;
        List<String> ignored = List.of();
        long rows;

        Progress(Path extract) {
            this.extract = extract;
        }

        ImportReport report(GenerationBuilder.Contents c, IndexChanges changes, String generation, long started,
                            String failure, IndexHome home /* null for an index in memory */) {
            return new ImportReport(extract, charset, ignored, rows, c == null ? 0 : c.patients(), c == null ? 0 : c.retired(),
                    c == null ? 0 : c.refusedRows(), c == null ? new EnumMap<>(Refusal.Kind.class) : c.refusedByKind(),
                    c == null ? List.of() : c.firstRefusals(), changes, generation,
                    Duration.ofNanos(System.nanoTime() - started), failure, home == null ? null : home.refusedFile());
        }
    }
}
