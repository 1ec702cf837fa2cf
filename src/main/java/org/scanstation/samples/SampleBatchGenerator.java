package org.scanstation.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.scanstation.model.Patient;

/**
 * Generates a synthetic scanned batch: page images that look like a document scanner's output
 * (letters, notes and results with patient labels in many layouts, separator sheets, blank back
 * sides, rotations, skew, noise), the patient index they refer to, and the truth of every page.
 *
 * <pre>
 * OUT/batch/0001.jpg ...   the pages in feeder order (jpg, png, G4 tif)
 * OUT/patients.csv         nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode
 * OUT/truth.json           what each page is (schema of the shared corpora, read by score-analysis)
 * </pre>
 *
 * Everything is drawn from {@link GeneratorSettings#seed()}: the same settings give the same files.
 */
public final class SampleBatchGenerator {

    static final String USAGE = "usage: SampleBatchGenerator OUT [--seed N] [--pages N] [--dpi 300|200] "
            + "[--patients N] [--max-level 0-3] [--formats jpg,png,tif] [--jpeg-quality 0.1-1] [--no-traps] "
            + "[--random-layouts N] [--layouts id,id] [--faint 0-1] [--demo]";

    /**
     * Seed of the committed {@code samples/} batch, chosen for a varied demo: six documents, two review
     * traps, a torn barcode, twins, 3.2 MB.
     */
    public static final long DEMO_SEED = 77;

    private SampleBatchGenerator() {
    }

    /** Writes a batch into {@code out} (created if needed; earlier page files in {@code out/batch} are replaced). */
    public static GeneratedBatch generate(Path out, GeneratorSettings s) throws IOException {
        Path batchDir = out.resolve("batch");
        Files.createDirectories(batchDir);
        removeOldPages(batchDir);
        SyntheticPopulation population = SyntheticPopulation.generate(new Random(s.seed() ^ 0x1CE4E5B9L), s.patients());
        List<LabelLayout> layouts = layouts(s);
        List<PagePlan> plans = new BatchPlanner(s, population, layouts).plan();
        PageRenderer renderer = new PageRenderer(s.dpi(), s.faintShare());
        List<GeneratedPage> pages = new ArrayList<>();
        int n = 0;
        for (PagePlan plan : plans) {
            n++;
            String name = String.format("%04d.%s", n, plan.format.extension());
            PageRenderer.Rendered r = renderer.render(plan);
            Path file = batchDir.resolve(name);
            if (plan.format == PageFormat.TIF) {
                PageImageWriter.write(ScanEffects.binarise(r.image(), ScanEffects.threshold(plan.level)), plan.format,
                        file, s.dpi(), s.jpegQuality());
            } else {
                PageImageWriter.write(r.image(), plan.format, file, s.dpi(), s.jpegQuality());
            }
            pages.add(new GeneratedPage(file, truth(plan, name, s.dpi(), r.skew(), r.faint()), r.labels()));
        }
        Path csv = out.resolve("patients.csv");
        List<Patient> index = population.index();
        PatientCsv.write(csv, index);
        Path truth = out.resolve("truth.json");
        writeTruth(truth, s, layouts, pages);
        return new GeneratedBatch(out, batchDir, csv, truth, index, pages, layouts.stream().map(LabelLayout::id).toList());
    }

    static List<LabelLayout> layouts(GeneratorSettings s) {
        if (s.randomLayouts() > 0) {
            return LabelLayouts.random(new Random(s.seed() * 31 + 7), s.randomLayouts());
        }
        if (!s.layoutIds().isEmpty()) {
            return s.layoutIds().stream().map(LabelLayouts::byId).toList();
        }
        return LabelLayouts.catalogue();
    }

    private static TruthPage truth(PagePlan p, String source, int dpi, double skew, boolean faint) {
        boolean content = p.kind == PagePlan.Kind.PAGE;
        String kind = switch (p.kind) {
            case PAGE -> "page";
            case BLANK -> "blank";
            case SEPARATOR -> "separator";
        };
        String layout = content && p.labelled() ? p.labels.get(0).layout().id() : null;
        return new TruthPage(kind, p.expect, content ? p.truthNhs : null, p.document, content && p.labelled(),
                content && p.idLine != null, content ? p.trap : null, layout, content ? p.level : 0,
                content ? p.rotation : 0, dpi, source, skew, faint);
    }

    private static void writeTruth(Path file, GeneratorSettings s, List<LabelLayout> layouts, List<GeneratedPage> pages)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("seed", s.seed());
        root.put("dpi", s.dpi());
        root.put("layouts", layouts.stream().map(LabelLayout::id).toList());
        root.put("pages", pages.stream().map(p -> p.truth().toJson()).toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static void removeOldPages(Path batchDir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(batchDir, "[0-9][0-9][0-9][0-9].{jpg,png,tif}")) {
            for (Path p : ds) {
                Files.delete(p);
            }
        }
    }

    /** Parses command-line arguments into settings (the output folder is the first non-option). */
    static GeneratorSettings parse(String[] args, Path[] outHolder) {
        boolean demo = Arrays.asList(args).contains("--demo");
        long seed = demo ? DEMO_SEED : 1;
        GeneratorSettings s = demo ? GeneratorSettings.demo(seed) : GeneratorSettings.defaults(seed);
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--demo" -> { }
                case "--no-traps" -> s = s.withTraps(false);
                case "--seed" -> s = s.withSeed(Long.parseLong(value(args, ++i, a)));
                case "--pages" -> s = s.withPages(Integer.parseInt(value(args, ++i, a)));
                case "--dpi" -> s = s.withDpi(Integer.parseInt(value(args, ++i, a)));
                case "--patients" -> s = s.withPatients(Integer.parseInt(value(args, ++i, a)));
                case "--max-level" -> s = s.withMaxLevel(Integer.parseInt(value(args, ++i, a)));
                case "--jpeg-quality" -> s = s.withJpegQuality(Float.parseFloat(value(args, ++i, a)));
                case "--random-layouts" -> s = s.withRandomLayouts(Integer.parseInt(value(args, ++i, a)));
                case "--faint" -> s = s.withFaintShare(Double.parseDouble(value(args, ++i, a)));
                case "--layouts" -> s = s.withLayoutIds(List.of(value(args, ++i, a).split(",")));
                case "--formats" -> {
                    Set<PageFormat> f = EnumSet.noneOf(PageFormat.class);
                    for (String t : value(args, ++i, a).split(",")) {
                        f.add(PageFormat.parse(t));
                    }
                    s = s.withFormats(f);
                }
                default -> {
                    if (a.startsWith("--") || out != null) {
                        throw new IllegalArgumentException("unexpected argument '" + a + "'");
                    }
                    out = Path.of(a);
                }
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("the output folder is missing");
        }
        outHolder[0] = out;
        return s;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /**
     * Command line: {@code SampleBatchGenerator OUT --seed 7 --pages 80}. Exit 0 when written, 2 for bad
     * arguments, 1 when the files cannot be written; errors are one line on stderr.
     */
    public static void main(String[] args) {
        Path[] out = new Path[1];
        GeneratorSettings s;
        try {
            s = parse(args, out);
        } catch (NumberFormatException e) {
            System.err.println("error: not a number: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        try {
            generate(out[0], s);
        } catch (IOException e) {
            System.err.println("error: cannot write the batch to " + out[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
