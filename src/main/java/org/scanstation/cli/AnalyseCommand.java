package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.match.PatientIndex;
import org.scanstation.ocr.OcrException;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisJsonWriter;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.BatchSummary;
import org.scanstation.pipeline.PageAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code analyse}: the headless page analysis of the analysis contract. */
@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse scanned pages: find each page's patient, blank pages and separator sheets;"
                + " print a summary and write the analysis JSON.")
final class AnalyseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AnalysisOptions options;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Write the analysis JSON here.")
    Path json;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = options.settings();
        PatientIndex index = options.patientIndex();
        List<Path> files = options.files();
        OutputFile result = json == null ? null : OutputFile.beside(json, "analysis");
        PrintWriter out = spec.commandLine().getOut();
        BatchSummary summary = new BatchSummary();
        options.printSkipped(out);
        try (AnalysisEngine engine = AnalysisEngine.create(settings, index);
             OutputStream os = result == null ? OutputStream.nullOutputStream() : result.open();
             AnalysisJsonWriter writer = new AnalysisJsonWriter(os, options.skipped())) {
            engine.analyse(files, page -> {
                summary.pageAnalysed(page);
                try {
                    writer.write(page);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (!options.quiet) {
                    out.println(line(page));
                    out.flush();
                }
            });
        } catch (OcrException e) {
            discard(result);
            throw new CliException(ExitCode.ENGINE, e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            discard(result);
            throw new CliException(ExitCode.FAILURE, "analysis failed: " + e.getMessage());
        }
        if (result != null) {
            result.commit();
        }
        out.println(summary.describe() + (options.skipped().isEmpty() ? ""
                : "; " + options.skipped().size() + " entries of the input folders not read (listed above)"));
        if (json != null) {
            out.println("Analysis written to " + json);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static void discard(OutputFile f) {
        if (f != null) {
            f.discard();
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
