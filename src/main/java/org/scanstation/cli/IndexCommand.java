package org.scanstation.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.extract.ExtractCharset;
import org.scanstation.match.store.ImportFailedException;
import org.scanstation.match.store.ImportOptions;
import org.scanstation.match.store.ImportReport;
import org.scanstation.match.store.IndexGeneration;
import org.scanstation.match.store.IndexHome;
import org.scanstation.match.store.IndexImporter;
import org.scanstation.match.store.PatientIndexes;
import org.scanstation.model.Patient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code index}: IT imports the PAS extract into the station's patient index, nightly; status and search. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "The patient index: import the PAS extract (once, then nightly), show its status, search it.",
        subcommands = {IndexCommand.Import.class, IndexCommand.Status.class, IndexCommand.Search.class})
final class IndexCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Path folder(Path given) throws CliException {
        return given != null ? given : PatientIndexes.folder(IndexSource.configured());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a PAS extract (CSV) beside the index in use, check it, and switch to it atomically;"
                    + " running stations switch within seconds. A failed import leaves the index in use as it was.",
                    "Exit status: 0 imported; 4 not imported (the report says why)."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EXTRACT.csv",
                description = "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode"
                        + "[,merged_into_nhs_number,merged_into_mrn,merged_on]")
        Path extract;

        @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: patientIndex.store, else "
                + "/var/lib/scanstation/patient-index or %%ProgramData%%\\ScanStation\\patient-index).")
        Path index;

        @Option(names = "--charset", paramLabel = "NAME",
                description = "The extract's character set (default: patientIndex.charset, else detected).")
        String charset;

        @Option(names = "--max-refused", paramLabel = "N", defaultValue = "0",
                description = "Rows that may be refused (counted and listed) and the rest imported (default ${DEFAULT-VALUE}).")
        long maxRefused;

        @Option(names = "--max-removed-percent", paramLabel = "P", defaultValue = "5",
                description = "Refuse a refresh removing more than P %% of the current patients (default ${DEFAULT-VALUE}).")
        double maxRemovedPercent;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (maxRefused < 0 || maxRemovedPercent < 0 || maxRemovedPercent > 100) {
                throw new CliException(ExitCode.USAGE, "--max-refused must be 0 or more and --max-removed-percent 0 to 100");
            }
            if (!Files.isRegularFile(extract)) {
                throw new CliException(ExitCode.INPUT, "the extract " + extract + " does not exist");
            }
            Charset cs;
            try {
                cs = charset != null ? ExtractCharset.named(charset) : PatientIndexes.charset(IndexSource.configured());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, "--charset: " + e.getMessage());
            }
            IndexHome home = IndexHome.at(folder(index));
            ImportOptions options = ImportOptions.strict().withCharset(cs).withMaxRefusedRows(maxRefused)
                    .withMaxRemovedPercent(maxRemovedPercent);
            try {
                ImportReport report = IndexImporter.importExtract(home, extract, options);
                report.describe().forEach(out::println);
                out.println("  index: " + home.dir());
                out.flush();
                return ExitCode.OK.code();
            } catch (ImportFailedException e) {
                if (e.report() != null) {
                    e.report().describe().forEach(out::println);
                    out.flush();
                }
                throw new CliException(ExitCode.PATIENT_INDEX, e.getMessage());
            } catch (PatientIndexException e) {
                throw new CliException(ExitCode.PATIENT_INDEX, e.getMessage());
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The index in use: where, how many patients, imported when and from what; the last import's report.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: the configured one).")
        Path index;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            IndexHome home = IndexHome.at(folder(index));
            try (IndexGeneration g = home.openCurrent()) {
                Map<String, String> m = g.meta();
                out.println("patient index " + home.dir());
                out.println("  in use:       " + g.file().getFileName());
                out.printf("  patients:     %,d%n", g.size());
                out.println("  merged ids:   " + m.getOrDefault("retired", "?"));
                out.println("  imported at:  " + m.getOrDefault("imported_at", "?"));
                out.println("  from:         " + m.getOrDefault("source", "?") + " (" + m.getOrDefault("charset", "?") + ")");
                out.println("  refused rows: " + m.getOrDefault("refused_rows", "?"));
            } catch (PatientIndexException e) {
                throw new CliException(ExitCode.PATIENT_INDEX, e.getMessage());
            } finally {
                if (Files.isRegularFile(home.reportFile())) {
                    out.println("last import:");
                    Files.readAllLines(home.reportFile()).forEach(l -> out.println("  " + l));
                }
                out.flush();
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Search the index as the station does: name (and date of birth), NHS number or hospital number.")
    static final class Search implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: the configured one).")
        Path index;

        @Option(names = "--patients", paramLabel = "PATIENTS.csv", description = "Search a CSV extract instead.")
        Path patients;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many patients (default ${DEFAULT-VALUE}).")
        int limit;

        @Parameters(arity = "1..*", paramLabel = "QUERY", description = "e.g. SMITH 02/01/1970, \"Smith, Mary\", 943 476 5919, K1234567")
        List<String> query;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (var idx = IndexSource.open(patients, patients == null ? folder(index) : null)) {
                List<Patient> found = idx.search(String.join(" ", query), Math.max(1, limit));
                for (Patient p : found) {
                    out.printf("%s  %-10s  %-30s  %s  %s%n", p.nhsNumber().formatted(), p.mrn() == null ? "" : p.mrn(),
                            p.displayName(), p.dateOfBirth(), p.sex());
                }
                out.println(found.size() + (found.size() == 1 ? " patient" : " patients"));
                out.flush();
            }
            return ExitCode.OK.code();
        }
    }
}
