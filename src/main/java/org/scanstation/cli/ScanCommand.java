package org.scanstation.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.PageSize;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanArea;
import org.scanstation.scan.ScanDrivers;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.ScanToFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scan}: scan from a device into a folder, one image file per page and scan.json. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan from a device into a folder: one image per page in scan order, and scan.json.")
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--device", required = true, paramLabel = "URI",
            description = "sane://HOST[:PORT]/DEVICE, escl://HOST:PORT/eSCL, twain:NAME, folder:/PATH, watch:/PATH, demo")
    String device;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the pages (new or empty).")
    Path out;

    @Option(names = "--resolution", paramLabel = "DPI", description = "Resolution (default 300).")
    Integer resolution;

    @Option(names = "--mode", paramLabel = "gray|color|lineart", description = "Colour mode (default gray).")
    String mode;

    @Option(names = "--source", paramLabel = "flatbed|adf|duplex", description = "Paper source (default adf).")
    String source;

    @Option(names = "--page-size", paramLabel = "A4|A5|letter|legal",
            description = "Scan this paper size from the top-left corner (default: the whole area the scanner offers).")
    String pageSize;

    @Override
    public Integer call() throws Exception {
        ScanOptions options = ScanOptions.defaults();
        try {
            if (resolution != null) {
                options = options.withResolution(resolution);
            }
            if (mode != null) {
                options = options.withMode(ColorMode.parse(mode));
            }
            if (source != null) {
                options = options.withSource(PaperSource.parse(source));
            }
            if (pageSize != null) {
                options = options.withArea(ScanArea.of(pageSizeOf(pageSize)));
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        PrintWriter pw = spec.commandLine().getOut();
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel, "scan-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        ScanToFolder.Result result;
        try {
            result = new ScanToFolder(ScanDrivers.controller(ScannerSettings.fromConfiguration())).scan(device, options, out, cancel);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.FAILURE, "could not write a page: " + e.getCause().getMessage()
                    + " (pages written so far are kept in " + out + ")");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down
            }
        }
        for (String n : result.notices()) {
            pw.println("note: " + n);
        }
        for (String r : result.rejected()) {
            pw.println("not a page: " + r);
        }
        pw.println(result.pageFiles().size() + " pages written to " + out + " (with " + ScanToFolder.METADATA_FILE + ")"
                + (result.cancelled() ? "; scan cancelled" : ""));
        pw.flush();
        if (result.failure() != null) {
            throw new CliException(ExitCode.FAILURE, result.failure().getMessage()
                    + " (" + result.pageFiles().size() + " pages kept in " + out + ")");
        }
        return ExitCode.OK.code();
    }

    private static PageSize pageSizeOf(String text) {
        for (PageSize s : PageSize.COMMON) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown page size '" + text + "': use A4, A5, letter or legal");
    }
}
