package org.scanstation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.intake.ProcessResult;
import org.scanstation.intake.ProcessService;
import org.scanstation.match.PatientIndex;
import org.scanstation.ocr.OcrException;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.intake.FilingIncompleteException;
import org.scanstation.intake.FilingResult;
import org.scanstation.store.BatchStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code process}: analyse inputs into a new stored batch, export and queue the auto-filed documents. */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Analyse scanned pages into a new batch of the encrypted store: documents filed to one"
                + " patient are exported as PDF/A and queued for upload, the others held for review."
                + " Prints the batch id.")
final class ProcessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreAccess storeAccess;

    @Mixin
    AnalysisOptions analysis;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who scanned the pages (default: the login name).")
    String operator = System.getProperty("user.name", "");

    @Option(names = "--station-id", paramLabel = "ID", description = "This station's identifier (default: the host name).")
    String stationId;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = analysis.settings();
        PatientIndex index = analysis.patientIndex();
        List<Path> files = analysis.files();
        PrintWriter out = spec.commandLine().getOut();
        analysis.printSkipped(out);
        ProcessResult result;
        BatchStore store = storeAccess.open(false);
        try {
            result = new ProcessService(settings, index).process(store, files, operator, station(), page -> {
                if (!analysis.quiet) {
                    out.println(line(page));
                    out.flush();
                }
            });
        } catch (OcrException e) {
            throw new CliException(ExitCode.ENGINE, e.getMessage());
        } catch (FilingIncompleteException e) {
            throw new CliException(ExitCode.FAILURE, "batch " + e.result().batchId() + " is stored but not completely"
                    + " filed (" + e.getMessage() + "); the next process run or station start finishes it");
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "processing failed: " + e.getMessage());
        } finally {
            storeAccess.close(store);
        }
        for (FilingResult r : result.recovered()) {
            out.println("Completed batch " + r.batchId() + " left by an interrupted run: " + counts(r));
        }
        for (String problem : result.stillUnfinished()) {
            out.println("Not yet completed (left by an interrupted run): " + problem);
        }
        FilingResult r = result.batch();
        out.println("Batch " + r.batchId() + ": " + counts(r)
                + (result.unreadable() > 0 ? ", " + result.unreadable() + " unreadable pages" : ""));
        out.println(r.batchId());
        out.flush();
        return ExitCode.OK.code();
    }

    private String station() {
        if (stationId != null && !stationId.isBlank()) {
            return stationId;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    private static String counts(FilingResult r) {
        return r.pages() + " pages, " + r.queued() + " documents queued for upload, " + r.held() + " held for review";
    }

    /** One page, without patient data: source, status, document. */
    static String line(PageAnalysis p) {
        String doc = p.document() == null ? "-" : Integer.toString(p.document());
        return String.format("%-14s %-9s doc %s", p.id().name(), p.status().json(), doc);
    }
}
