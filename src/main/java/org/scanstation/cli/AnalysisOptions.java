package org.scanstation.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.io.PrintWriter;
import java.time.Duration;
import org.scanstation.image.BatchInputs;
import org.scanstation.image.InputException;
import org.scanstation.image.InputFiles;
import org.scanstation.image.ReadLimits;
import org.scanstation.image.SkippedInput;
import org.scanstation.match.PatientIndex;
import org.scanstation.pipeline.AnalysisSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that analyses pages shares: patient index, separators, inputs. */
final class AnalysisOptions {

    @Option(names = "--patients", paramLabel = "PATIENTS.csv",
            description = "Patient index as a CSV extract (nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode"
                    + "[,merged_into_nhs_number,merged_into_mrn,merged_on]), imported for this run.")
    Path patients;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Patient index folder imported by 'scanstation index import' (default: the configured one).")
    Path index;

    @Option(names = "--separator", paramLabel = "TEXT",
            description = "Barcode text of a separator sheet (repeatable; replaces the defaults SEPARATOR and PATCHT).")
    List<String> separators;

    @Option(names = "--hospital-number-pattern", paramLabel = "REGEX",
            description = "Pattern of a local hospital number (default: one letter and seven digits).")
    String hospitalNumberPattern;

    @Option(names = "--workers", paramLabel = "N", description = "Pages analysed in parallel (default: one per core).")
    Integer workers;

    @Option(names = "--page-time-limit", paramLabel = "SECONDS",
            description = "Time one page may take to decode or render before it is given up as a review page"
                    + " (default: 60).")
    Integer pageTimeLimitSeconds;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, not one line per page.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image/PDF files or folders, in feeder order.")
    List<Path> inputs;

    /** The analysis settings the options give. */
    AnalysisSettings settings() throws CliException {
        AnalysisSettings settings = AnalysisSettings.defaults();
        if (separators != null && !separators.isEmpty()) {
            settings = settings.withSeparators(separators);
        }
        if (hospitalNumberPattern != null) {
            try {
                Pattern.compile(hospitalNumberPattern);
            } catch (PatternSyntaxException e) {
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
        if (pageTimeLimitSeconds != null) {
            if (pageTimeLimitSeconds < 1 || pageTimeLimitSeconds > ReadLimits.MAX_PAGE_TIME_LIMIT.toSeconds()) {
                throw new CliException(ExitCode.USAGE, "--page-time-limit must be between 1 and "
                        + ReadLimits.MAX_PAGE_TIME_LIMIT.toSeconds() + " seconds");
            }
            settings = settings.withPageTimeLimit(Duration.ofSeconds(pageTimeLimitSeconds));
        }
        return settings;
    }

    /** The patient index named by {@code --patients} or {@code --index}, else the configured one. */
    PatientIndex patientIndex() throws CliException {
        return IndexSource.open(patients, index);
    }

    private BatchInputs expanded;

    /** The input files, folders expanded, in feeder order; never empty. See {@link #skipped()}. */
    List<Path> files() throws CliException {
        if (expanded == null) {
            try {
                expanded = InputFiles.expand(inputs);
            } catch (InputException e) {
                throw new CliException(ExitCode.INPUT, e.getMessage());
            }
        }
        if (expanded.files().isEmpty()) {
            throw new CliException(ExitCode.INPUT, "no image or PDF files in " + inputs
                    + (expanded.skipped().isEmpty() ? "" : " (" + expanded.skipped().size() + " other entries not read: "
                    + describe(expanded.skipped().get(0)) + (expanded.skipped().size() > 1 ? ", ..." : "") + ")"));
        }
        return expanded.files();
    }

    /** What the input folders hold that is not read, with the reasons (after {@link #files()}). */
    List<SkippedInput> skipped() {
        return expanded == null ? List.of() : expanded.skipped();
    }

    /** One line per entry of the input folders that is not read: nothing is left out without a word. */
    void printSkipped(PrintWriter out) {
        for (SkippedInput s : skipped()) {
            out.println("not read: " + describe(s));
        }
        out.flush();
    }

    static String describe(SkippedInput s) {
        return s.source() + ": " + s.reason();
    }
}
