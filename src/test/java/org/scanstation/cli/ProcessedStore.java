package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.scanstation.store.Sha256;
import picocli.CommandLine;

/**
 * Real stores made by the real {@code process} command over public-01 pages (one {@code process} run
 * per batch), and copies of them for tests that damage or tamper with them. Copies share batch ids,
 * so the EDMS finds a copy's documents under their keys once another copy uploaded them.
 */
final class ProcessedStore {

    static final Path BATCH = Path.of("../shared/corpus/public-01/batch");
    static final Path PATIENTS = Path.of("../shared/corpus/public-01/patients.csv");
    /** The patients filed in the batches of {@link #TWO_BATCHES}, in order. */
    static final List<String> PATIENTS_FILED = List.of("9996018407", "9999631509");
    /** A document of two pages filed to one patient; a document filed and one held for review. */
    static final List<List<String>> TWO_BATCHES = List.of(List.of("0007.jpg", "0008.jpg"),
            List.of("0017.png", "0036.jpg"));

    /** A store and its key. */
    record Copy(Path store, Path key, List<String> batchIds) {
    }

    /** What a command printed and returned. */
    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    private static final Map<List<List<String>>, Copy> TEMPLATES = new HashMap<>();

    private ProcessedStore() {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ScanStationCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A store of one batch per list of pages, made on first use and kept for the test JVM. */
    static synchronized Copy template(List<List<String>> batches) throws IOException {
        Copy template = TEMPLATES.get(batches);
        if (template == null) {
            Path dir = Files.createTempDirectory("scanstation-processed-store");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            Path store = dir.resolve("store");
            Path key = dir.resolve("store.key");
            List<String> ids = new ArrayList<>();
            for (List<String> pages : batches) {
                List<String> args = new ArrayList<>(List.of("process", "--quiet", "--patients", PATIENTS.toString(),
                        "--store", store.toString(), "--key", key.toString(), "--operator", "clerk-test",
                        "--station-id", "WARD-TEST"));
                pages.forEach(p -> args.add(BATCH.resolve(p).toString()));
                Run r = cli(args.toArray(String[]::new));
                assertThat(r.exit()).as(r.err()).isZero();
                ids.add(r.lastLine());
            }
            template = new Copy(store, key, List.copyOf(ids));
            TEMPLATES.put(batches, template);
        }
        return template;
    }

    /** A copy of {@code from} (store folder and key) under {@code dir}. */
    static Copy copy(Copy from, Path dir) throws IOException {
        Path store = dir.resolve("store");
        try (Stream<Path> s = Files.walk(from.store())) {
            for (Path p : s.toList()) {
                Path to = store.resolve(from.store().relativize(p).toString());
                Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES); // folders too: empty, with their mode
            }
        }
        Path key = dir.resolve("store.key");
        Files.copy(from.key(), key, StandardCopyOption.COPY_ATTRIBUTES);
        return new Copy(store, key, from.batchIds());
    }

    /** Every file under the store (but the lock) by relative path, with its bytes' sha256. */
    static Map<String, String> contents(Path store) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(store)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = store.relativize(p).toString();
                if (!rel.equals(".lock")) {
                    out.put(rel, Sha256.hex(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
