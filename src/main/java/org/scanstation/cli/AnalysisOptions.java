package org.scanstation.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.scanstation.image.InputException;
import org.scanstation.image.PageLoader;
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
        return settings;
    }

    /** The patient index named by {@code --patients} or {@code --index}, else the configured one. */
    PatientIndex patientIndex() throws CliException {
        return IndexSource.open(patients, index);
    }

    /** The input files, folders expanded, in batch order; never empty. */
    List<Path> files() throws CliException {
        List<Path> files;
        try {
            files = PageLoader.expandInputs(inputs);
        } catch (InputException e) {
            throw new CliException(ExitCode.INPUT, e.getMessage());
        }
        if (files.isEmpty()) {
            throw new CliException(ExitCode.INPUT, "no image or PDF files in " + inputs);
        }
        return files;
    }
}
