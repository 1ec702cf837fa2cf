package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * No command replaces a file it did not write in this run, batch ids are unique even for exports
 * started together, and what a command writes for the user is readable by the owner only (or by the
 * group of a folder closed to others).
 */
class NoReplacedFilesTest {

    static final String PATIENTS = "../shared/corpus/public-01/patients.csv";
    /** A page of a filed document. */
    static final List<String> PAGES = List.of("../shared/corpus/public-01/batch/0007.jpg");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ScanStationCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** An export of one page (a filed document). */
    static List<String> export(Path folder, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "--quiet", "--patients", PATIENTS, "--out", folder.toString()));
        args.addAll(List.of(more));
        args.add(PAGES.get(0));
        return args;
    }

    @Test
    void twoExportsIntoOneFolderAtOnceKeepBothSetsOfFiles() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("out"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Run>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(two.submit(() -> {
                go.await();
                return cli(export(folder).toArray(String[]::new));
            }));
        }
        go.countDown();
        List<Run> done = new ArrayList<>();
        for (Future<Run> f : runs) {
            done.add(f.get());
        }
        two.shutdown();
        for (Run r : done) {
            assertThat(r.code()).as(r.err()).isZero();
        }
        List<String> batches = done.stream().map(r -> r.out().replaceAll("(?s).*batch (\\S+): .*", "$1")).toList();
        assertThat(batches.get(0)).matches("batch-\\d{8}-[0-9a-f]{16}").isNotEqualTo(batches.get(1));

        Set<String> top = names(folder);
        // one batch's manifest took manifest.json, the other's went beside it under its batch id
        assertThat(top).containsAnyOf(batches.get(0) + "-manifest.json", batches.get(1) + "-manifest.json")
                .contains("manifest.json", batches.get(0) + "-doc001.pdf", batches.get(1) + "-doc001.pdf").hasSize(4);
        Set<String> listed = new TreeSet<>();
        for (String name : top) {
            if (name.endsWith("manifest.json")) {
                JsonNode m = new ObjectMapper().readTree(folder.resolve(name).toFile());
                assertThat(m.path("complete").asBoolean()).isTrue();
                m.path("documents").forEach(d -> listed.add(d.path("file").asText()));
                assertThat(m.path("documents").get(0).path("file").asText()).startsWith(m.path("batchId").asText());
            }
        }
        assertThat(listed).containsExactlyInAnyOrder(batches.get(0) + "-doc001.pdf", batches.get(1) + "-doc001.pdf");
        // patient data: owner-only in a folder others may list
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void anExportGivenABatchIdAlreadyInTheFolderReplacesNothing() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("again"));
        Path mine = Files.writeString(folder.resolve("ward7-doc001.pdf"), "an earlier, different file");
        Files.setLastModifiedTime(mine, FileTime.fromMillis(1_000_000_000_000L));
        Run r = cli(export(folder, "--batch-id", "ward7").toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("already holds ward7-doc001.pdf").contains("never replaced");
        assertThat(mine).hasContent("an earlier, different file");
        assertThat(Files.getLastModifiedTime(mine).toMillis()).isEqualTo(1_000_000_000_000L);
        assertThat(names(folder)).containsExactly("ward7-doc001.pdf");
    }

    @Test
    void aTeamFolderClosedToOthersGivesItsGroupTheFiles() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("team"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
        Path json = folder.resolve("analysis.json");
        Run r = cli("analyse", "--quiet", "--patients", PATIENTS, "--json", json.toString(), PAGES.get(0));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(mode(json)).isEqualTo("rw-r-----");
    }

    @Test
    void analyseWritesIntoAnEmptyFileAScriptReservedButNeverThroughALink() throws Exception {
        // mktemp: an empty owner-only file holds nothing to lose
        Path reserved = Files.createFile(tmp.resolve("reserved.json"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Run r = cli("analyse", "--quiet", "--patients", PATIENTS, "--json", reserved.toString(), PAGES.get(0));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(reserved)).contains("\"pages\"");
        assertThat(mode(reserved)).isEqualTo("rw-------");

        Path elsewhere = Files.createFile(tmp.resolve("elsewhere.json"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.json"), elsewhere);
        Run viaLink = cli("analyse", "--quiet", "--patients", PATIENTS, "--json", link.toString(), PAGES.get(0));
        assertThat(viaLink.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(viaLink.err()).contains("already exists: files are never replaced");
        assertThat(elsewhere).isEmptyFile();
    }

    @Test
    void analyseNeverWritesOverAnExistingResultFile() throws Exception {
        Path json = Files.writeString(tmp.resolve("analysis.json"), "{\"mine\": true}");
        Run r = cli("analyse", "--quiet", "--patients", PATIENTS, "--json", json.toString(), PAGES.get(0));
        assertThat(r.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains(json + " already exists: files are never replaced");
        assertThat(json).hasContent("{\"mine\": true}");
    }

    @Test
    void scannedPagesAreOwnerOnlyAndGenerateSamplesRefusesAnEarlierBatch() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of(PAGES.get(0)), in.resolve("0001.jpg"));
        Path scanned = tmp.resolve("scanned");
        Run r = cli("scan", "--device", "folder:" + in, "--out", scanned.toString());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        try (Stream<Path> files = Files.list(scanned)) {
            assertThat(files.map(NoReplacedFilesTest::mode).toList()).isNotEmpty().containsOnly("rw-------");
        }

        Path samples = Files.createDirectories(tmp.resolve("samples"));
        Files.writeString(samples.resolve("patients.csv"), "mine");
        r = cli("generate-samples", samples.toString(), "--pages", "2");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("already holds a batch").contains("never replaced");
        assertThat(samples.resolve("patients.csv")).hasContent("mine");
    }

    static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
