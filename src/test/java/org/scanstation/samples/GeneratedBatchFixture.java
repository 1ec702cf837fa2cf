package org.scanstation.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/** Batches generated once per test run and shared by the test classes (rendering pages takes a while). */
final class GeneratedBatchFixture {

    private static GeneratedBatch mixed;
    private static GeneratedBatch cleanRandomLayouts;

    private GeneratedBatchFixture() {
    }

    /** 36 pages at 200 dpi, every format, levels 0-3, traps, catalogue layouts. */
    static synchronized GeneratedBatch mixed() {
        if (mixed == null) {
            mixed = generate("mixed", GeneratorSettings.defaults(5).withPages(36).withDpi(200).withPatients(60));
        }
        return mixed;
    }

    /** 14 clean (level 0) pages at 300 dpi with labels in 8 layouts composed at random. */
    static synchronized GeneratedBatch cleanRandomLayouts() {
        if (cleanRandomLayouts == null) {
            cleanRandomLayouts = generate("random", GeneratorSettings.defaults(11).withPages(14).withMaxLevel(0)
                    .withRandomLayouts(8).withPatients(30).withFormats(EnumSet.of(PageFormat.PNG, PageFormat.TIF)));
        }
        return cleanRandomLayouts;
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary folder left behind is harmless
        }
    }

    private static GeneratedBatch generate(String name, GeneratorSettings s) {
        try {
            Path dir = Files.createTempDirectory("samples-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return SampleBatchGenerator.generate(dir, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
