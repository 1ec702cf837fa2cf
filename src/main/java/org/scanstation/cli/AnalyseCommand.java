package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.image.InputException;
import org.scanstation.image.PageLoader;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.match.PatientIndex;
import org.scanstation.match.PatientIndexException;
import org.scanstation.ocr.OcrException;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisJsonWriter;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.BatchSummary;
import org.scanstation.pipeline.PageAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code analyse}: the headless page analysis of the analysis contract. */
@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse scanned pages: find each page's patient, blank pages and separator sheets;"
                + " print a summary and write the analysis JSON.")
final class AnalyseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--patients", required = true, paramLabel = "PATIENTS.csv",
            description = "Patient index, CSV: nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode")
    Path patients;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Write the analysis JSON here.")
    Path json;

    @Option(names = "--separator", paramLabel = "TEXT",
            description = "Barcode text of a separator sheet (repeatable; replaces the defaults SEPARATOR and PATCHT).")
    List<String> separators;

    @Option(names = "--hospital-number-pattern", paramLabel = "REGEX",
            description = "Pattern of a local hospital number (default: one letter and seven digits).")
    String hospitalNumberPattern;

    @Option(names = "--workers", paramLabel = "N", description = "Pages analysed in parallel (default: one per core).")
    Integer workers;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, not one line per page.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image/PDF files or folders, in feeder order.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = AnalysisSettings.defaults();
        if (separators != null && !separators.isEmpty()) {
            settings = settings.withSeparators(separators);
        }
        if (hospitalNumberPattern != null) {
            try {
                java.util.regex.Pattern.compile(hospitalNumberPattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new CliException(ExitCode.USAGE, "--hospital-number-pattern is not a valid pattern: "
                        + e.getDescription());
            }
            settings = settings.withHospitalNumberPattern(hospitalNumberPattern);
        }
        if (workers != null) {
            if (workers < 1 || workers > 64) {
                throw new CliException(ExitCode.USAGE, "--workers must be between 1 and 64");
            }
            settings = settings.withWorkers(workers);
        }
        PatientIndex index;
        try {
            index = CsvPatientIndex.load(patients);
        } catch (PatientIndexException e) {
            throw new CliException(ExitCode.PATIENT_INDEX, e.getMessage());
        }
        List<Path> files;
        try {
            files = PageLoader.expandInputs(inputs);
        } catch (InputException e) {
            throw new CliException(ExitCode.INPUT, e.getMessage());
        }
        if (files.isEmpty()) {
            throw new CliException(ExitCode.INPUT, "no image or PDF files in " + inputs);
        }
        Path tmp = null;
        if (json != null) {
            Path dir = json.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CliException(ExitCode.INPUT, "cannot write " + json + ": folder does not exist");
            }
            try {
                tmp = Files.createTempFile(dir, ".analysis-", ".json.tmp");
            } catch (IOException e) {
                throw new CliException(ExitCode.FAILURE, "cannot write " + json + ": " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        BatchSummary summary = new BatchSummary();
        try (AnalysisEngine engine = AnalysisEngine.create(settings, index);
             OutputStream os = tmp == null ? OutputStream.nullOutputStream() : Files.newOutputStream(tmp);
             AnalysisJsonWriter writer = new AnalysisJsonWriter(os)) {
            engine.analyse(files, page -> {
                summary.pageAnalysed(page);
                try {
                    writer.write(page);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (!quiet) {
                    out.println(line(page));
                    out.flush();
                }
            });
        } catch (OcrException e) {
            deleteQuietly(tmp);
            throw new CliException(ExitCode.ENGINE, e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            deleteQuietly(tmp);
            throw new CliException(ExitCode.FAILURE, "analysis failed: " + e.getMessage());
        }
        if (tmp != null) {
            try {
                Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        out.println(summary.describe());
        if (json != null) {
            out.println("Analysis written to " + json);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a temp file with a dot name is never mistaken for a result
            }
        }
    }

    static String line(PageAnalysis p) {
        String who = p.patient() == null ? "-" : p.patient().displayName() + " " + p.patient().nhsNumber().formatted();
        String doc = p.document() == null ? "  " : String.format("%2d", p.document());
        String why = p.reasons().isEmpty() ? "" : p.reasons().get(0);
        return String.format("%-14s %-9s doc %s  %-32s %4.2f  %s", p.id().name(), p.status().json(), doc, who,
                p.confidence(), why);
    }
}
