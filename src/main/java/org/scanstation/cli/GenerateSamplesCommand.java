package org.scanstation.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.samples.GeneratedBatch;
import org.scanstation.samples.GeneratorSettings;
import org.scanstation.samples.PageFormat;
import org.scanstation.samples.SampleBatchGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generate-samples}: a synthetic scanned batch (pages, patients.csv, truth.json) for demos and tests. */
@Command(name = "generate-samples", mixinStandardHelpOptions = true,
        description = "Make a synthetic scanned batch: OUT/batch/*.jpg|png|tif, OUT/patients.csv, OUT/truth.json.")
final class GenerateSamplesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "Same seed, same files (the demo batch uses " + SampleBatchGenerator.DEMO_SEED + ")." )
    long seed;

    @Option(names = "--pages", description = "Number of pages (default 60).")
    Integer pages;

    @Option(names = "--dpi", description = "300 or 200.")
    Integer dpi;

    @Option(names = "--max-level", description = "Heaviest scan noise, 0-3.")
    Integer maxLevel;

    @Option(names = "--random-layouts", description = "Label layouts composed at random, beside the built-in ones.")
    Integer randomLayouts;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "Page file formats to use, comma separated: jpg, png, tif (G4 bilevel). Default all.")
    List<String> formats;

    @Option(names = "--faint", paramLabel = "SHARE",
            description = "Share (0-1) of the level 2-3 content pages printed faint (light strokes a bilevel scan breaks up). Default 0.")
    Double faint;

    @Option(names = "--no-traps", description = "Leave out the pages a person must review.")
    boolean noTraps;

    @Option(names = "--demo", description = "The small demo batch committed in samples/.")
    boolean demo;

    /** The command never writes over files it did not write: OUT must not hold an earlier batch. */
    private void refuseExistingFiles() throws CliException {
        List<Path> taken = new ArrayList<>();
        for (String name : List.of("patients.csv", "truth.json")) {
            if (java.nio.file.Files.exists(out.resolve(name))) {
                taken.add(out.resolve(name));
            }
        }
        Path pages = out.resolve("batch");
        if (java.nio.file.Files.isDirectory(pages)) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(pages)) {
                files.filter(f -> f.getFileName().toString().matches("\\d{4}\\.(jpg|png|tif)")).findFirst().ifPresent(taken::add);
            } catch (IOException e) {
                throw new CliException(ExitCode.FAILURE, "cannot read " + pages + ": " + e.getMessage());
            }
        }
        if (!taken.isEmpty()) {
            throw new CliException(ExitCode.USAGE, out + " already holds a batch (" + taken.get(0)
                    + "): files are never replaced; choose an empty folder or remove them first");
        }
    }

    @Override
    public Integer call() throws Exception {
        GeneratorSettings s;
        try {
            s = demo ? GeneratorSettings.demo(seed) : GeneratorSettings.defaults(seed);
            if (pages != null) {
                s = s.withPages(pages);
            }
            if (dpi != null) {
                s = s.withDpi(dpi);
            }
            if (maxLevel != null) {
                s = s.withMaxLevel(maxLevel);
            }
            if (randomLayouts != null) {
                s = s.withRandomLayouts(randomLayouts);
            }
            if (formats != null) {
                java.util.Set<PageFormat> f = java.util.EnumSet.noneOf(PageFormat.class);
                for (String t : formats) {
                    f.add(PageFormat.parse(t.strip()));
                }
                s = s.withFormats(f);
            }
            if (faint != null) {
                s = s.withFaintShare(faint);
            }
            if (noTraps) {
                s = s.withTraps(false);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        refuseExistingFiles();
        GeneratedBatch batch;
        try {
            batch = SampleBatchGenerator.generate(out, s);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write the batch to " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println(batch.pages().size() + " pages written to " + out.resolve("batch")
                + ", with patients.csv and truth.json (seed " + seed + ")");
        return ExitCode.OK.code();
    }
}
