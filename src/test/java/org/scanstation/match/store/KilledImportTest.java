package org.scanstation.match.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.samples.SyntheticPatients;

/**
 * An import killed with SIGKILL half way (a real process, {@code scanstation index import}): the index in
 * use stays as it was, the stations go on with it, and the next import tidies the half-written generation.
 */
class KilledImportTest {

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesTheIndexInUseAndTheNextOneTidiesUp() throws Exception {
        IndexHome home = IndexHome.at(dir.resolve("index"));
        Path small = dir.resolve("small.csv");
        Files.writeString(small, SyntheticPatients.HEADER + "\n"
                + String.join(",,,\n", SyntheticPatients.rows(50, 1)) + ",,,\n");
        IndexImporter.importExtract(home, small, ImportOptions.strict());
        String pointer = Files.readString(home.pointerFile());

        Path big = dir.resolve("big.csv");
        SyntheticPatients.write(big, 100_000, 2, 0);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "org.scanstation.Launcher", "index", "import", big.toString(),
                "--index", home.dir().toString(), "--max-removed-percent", "100"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (generations(home).size() < 2 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(p.isAlive()).as("the import is under way").isTrue();
            p.destroyForcibly(); // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(home.pointerFile())).isEqualTo(pointer);
        assertThat(generations(home)).hasSize(2); // the one in use and the half-written one
        try (LivePatientIndex live = LivePatientIndex.open(home)) {
            assertThat(live.size()).isEqualTo(50);
        }
        Path again = dir.resolve("again.csv");
        Files.writeString(again, Files.readString(small));
        List<String> before = generations(home);
        IndexImporter.importExtract(home, again, ImportOptions.strict());
        String previous = pointerGeneration(pointer) + ".db";
        String current = pointerGeneration(Files.readString(home.pointerFile())) + ".db";
        assertThat(before).contains(previous);
        assertThat(generations(home)).containsExactlyInAnyOrder(previous, current); // the half-written one is gone
    }

    private static String pointerGeneration(String pointer) {
        return pointer.lines().filter(l -> l.startsWith("generation=")).findFirst().orElseThrow().substring("generation=".length());
    }

    private static List<String> generations(IndexHome home) throws Exception {
        try (Stream<Path> s = Files.list(home.generations())) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }
}
