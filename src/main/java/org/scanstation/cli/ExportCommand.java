package org.scanstation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.export.BatchExporter;
import org.scanstation.export.BatchInfo;
import org.scanstation.export.ExportException;
import org.scanstation.export.ExportReport;
import org.scanstation.export.ExportService;
import org.scanstation.match.PatientIndex;
import org.scanstation.ocr.OcrException;
import org.scanstation.pdf.PdfWriterOptions;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.model.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: analyse a batch, then write one searchable PDF/A-2b per document and the manifests. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Analyse scanned pages, then write one searchable PDF/A-2b file per document to the output"
                + " folder with manifest.json; documents a person must decide go to its review/ folder.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AnalysisOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Export folder (created if missing).")
    Path out;

    @Option(names = "--station-id", paramLabel = "ID", description = "This station's identifier (default: the host name).")
    String stationId;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who scanned the batch (default: the user name).")
    String operator;

    @Option(names = "--batch-id", paramLabel = "ID",
            description = "Batch identifier, also the start of each file name (default: batch-<date>-<16 random"
                    + " hex digits>, unique even for exports started in the same second).")
    String batchId;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = options.settings();
        PatientIndex index = options.patientIndex();
        List<Path> files = options.files();
        if (batchId != null && !batchId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new CliException(ExitCode.USAGE, "--batch-id may hold only letters, digits, '.', '_' and '-' (at most 64)");
        }
        try {
            BatchExporter.checkFolder(out);
        } catch (ExportException e) {
            throw new CliException(ExitCode.FAILURE, e.getMessage());
        }
        ZonedDateTime now = ZonedDateTime.now();
        BatchInfo info = new BatchInfo(batchId != null ? batchId : newBatchId(now),
                stationId != null ? stationId : hostName(), operator != null ? operator : System.getProperty("user.name"), now);
        PrintWriter console = spec.commandLine().getOut();
        options.printSkipped(console);
        ExportReport report;
        try (ExportService service = ExportService.create(settings, index, PdfWriterOptions.defaults())) {
            report = service.export(files, info, out, page -> {
                if (!options.quiet) {
                    console.println(AnalyseCommand.line(page));
                    console.flush();
                }
            }, new ConsoleProgress(console, options.quiet));
        } catch (OcrException e) {
            throw new CliException(ExitCode.ENGINE, e.getMessage());
        } catch (ExportException e) {
            throw new CliException(switch (e.reason()) {
                case INPUT_CHANGED -> ExitCode.INPUT;
                case TARGET_EXISTS -> ExitCode.USAGE;
                default -> ExitCode.FAILURE;
            }, "export stopped: " + e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliException(ExitCode.FAILURE, "export stopped: " + e.getMessage());
        }
        console.printf("batch %s: %d pages analysed; %d documents filed to %s, %d for review in %s (%d pages, %,d bytes)%n",
                info.batchId(), report.pages(), report.filed().size(), out, report.review().size(),
                out.resolve(BatchExporter.REVIEW_FOLDER), report.pagesWritten(), report.bytesWritten());
        console.flush();
        return ExitCode.OK.code();
    }

    /** {@code batch-<yyyyMMdd>-<64 random bits in hex>}: the date for people, the random part for uniqueness. */
    static String newBatchId(ZonedDateTime now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "batch-" + now.format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8) + "-"
                + java.util.HexFormat.of().formatHex(random);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-station";
        }
    }

    /** Prints each document as it is written (and, unless quiet, nothing per page: the analysis lines show those). */
    private record ConsoleProgress(PrintWriter console, boolean quiet) implements Progress {
        @Override
        public void started(int total) {
        }

        @Override
        public void advanced(int done, int total, String message) {
            if (!quiet && message.startsWith("written")) {
                synchronized (console) {
                    console.println(message);
                    console.flush();
                }
            }
        }

        @Override
        public void finished() {
        }
    }
}
