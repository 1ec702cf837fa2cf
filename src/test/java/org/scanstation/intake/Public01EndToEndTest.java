package org.scanstation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.Launcher;
import org.scanstation.cli.ScanStationCli;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.store.testing.TestJvm;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.FaultInjectionFilter;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;
import picocli.CommandLine;

/**
 * The "done when", end to end through the command line: {@code process} over the whole of
 * public-01 (61 pages), then {@code upload} to the real OpenCMIS InMemory server, killed with SIGKILL
 * while the server stores a document and run again: the repository holds exactly the manifest's
 * auto-filed documents, each once, in its patient's folder, byte for byte; the store folder holds no
 * plaintext image or PDF and no patient name or NHS number at any point.
 */
class Public01EndToEndTest {

    private static final Path CORPUS = Path.of("../shared/corpus/public-01");

    private final InMemoryCmisServer server = InMemoryCmisServer.shared();

    @TempDir
    Path tmp;

    @AfterEach
    void resetFaults() {
        server.faults().reset();
    }

    @Test
    void processThenUploadKilledAndRerunFilesEveryAutoFiledDocumentOnceByteForByte() throws Exception {
        Path storeDir = tmp.resolve("store");
        Path key = tmp.resolve("keys/store.key");
        Files.createDirectories(key.getParent());
        Path patients = CORPUS.resolve("patients.csv");
        List<Path> inputs;
        try (Stream<Path> s = Files.list(CORPUS.resolve("batch"))) {
            inputs = s.sorted().toList();
        }

        long start = System.nanoTime();
        Run process = cli("process", "--patients", patients.toString(), "--store", storeDir.toString(),
                "--key", key.toString(), "--operator", "op-e2e", "--station-id", "WARD-7", "-q",
                CORPUS.resolve("batch").toString());
        long processMillis = (System.nanoTime() - start) / 1_000_000;
        System.err.printf("process over public-01 (%d pages): %d ms%n", inputs.size(), processMillis);
        assertThat(process.exit).as(process.err).isZero();
        String batchId = process.lastLine();

        // the store holds exactly the manifest's auto-filed documents, queued
        Map<Integer, String> expected = autoFiledDocuments();
        Map<Integer, String> queued = new TreeMap<>();
        Map<Integer, byte[]> pdfs = new TreeMap<>();
        try (BatchStore store = BatchStore.open(storeDir, new KeyFileProvider(key))) {
            StoredBatch batch = store.batch(batchId);
            assertThat(batch.pages()).hasSize(inputs.size());
            for (StoredDocument d : batch.documents()) {
                if (d.state() == DocumentState.QUEUED) {
                    queued.put(d.index(), d.nhsNumber());
                    pdfs.put(d.index(), batch.readPdf(d.index()));
                }
            }
        }
        assertThat(queued).as("every auto-filed document of the manifest is queued, to its patient")
                .containsAllEntriesOf(expected);
        assertThat(queued.keySet()).as("nothing else is queued").isEqualTo(expected.keySet());
        pdfs.values().forEach(pdf -> assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
                .startsWith("%PDF-"));

        List<byte[]> needles = new ArrayList<>(StoreContents.patientNeedles(patients));
        needles.addAll(StoreContents.headsOf(readAll(inputs)));
        needles.addAll(StoreContents.headsOf(new ArrayList<>(pdfs.values())));
        assertThat(StoreContents.findings(storeDir, needles)).as("plaintext in the store after process").isEmpty();

        // upload in a child JVM, killed with SIGKILL while the server stores the second document
        String[] upload = {"upload", "--store", storeDir.toString(), "--key", key.toString(),
                "--cmis", server.browserUrl(), "--user", "dummyuser"};
        server.faults().delayNext(1, 3000, true, new SkipFirst(1, FaultInjectionFilter::isCreateDocument));
        try (TestJvm child = TestJvm.start(Launcher.class, tmp.resolve("upload1.log"), upload)) {
            int[] creating = {0};
            assertThat(child.readUntil(l -> l.startsWith("creating ") && ++creating[0] == 2))
                    .as("first upload run: %s", Files.readString(tmp.resolve("upload1.log"))).isNotNull();
            server.faults().awaitDelayedHandled(1, Duration.ofSeconds(30)); // stored, answer not yet sent
            child.kill();
        }
        server.faults().reset();
        List<String> second;
        int exit;
        try (TestJvm child = TestJvm.start(Launcher.class, tmp.resolve("upload2.log"), upload)) {
            exit = child.waitFor();
            second = child.lines();
        }
        assertThat(exit).as("second upload run: %s %s", second, Files.readString(tmp.resolve("upload2.log"))).isZero();
        assertThat(second).as("the document stored when the first run was killed is found, not created again")
                .anyMatch(l -> l.startsWith("found-existing "));

        CmisInspector edms = new CmisInspector(server.browserUrl());
        int total = 0;
        for (String nhs : new java.util.TreeSet<>(queued.values())) {
            List<byte[]> want = new ArrayList<>();
            queued.forEach((doc, n) -> {
                if (n.equals(nhs)) {
                    want.add(pdfs.get(doc));
                }
            });
            List<byte[]> got = new ArrayList<>();
            for (CmisInspector.Entry e : edms.documents(List.of("ScanStation", nhs))) {
                got.add(edms.content(e.objectId()));
            }
            assertThat(got).as("documents in /ScanStation/%s", nhs).hasSize(want.size())
                    .usingElementComparator(Arrays::compare).containsExactlyInAnyOrderElementsOf(want);
            total += got.size();
        }
        assertThat(total).isEqualTo(queued.size());
        assertThat(edms.documents(List.of("ScanStation", "9996168166"))).as("not in the index: held").isEmpty();

        Run queue = cli("queue", "--store", storeDir.toString(), "--key", key.toString(), "--json");
        assertThat(queue.exit).isZero();
        JsonNode report = new ObjectMapper().readTree(queue.out);
        assertThat(report.toString()).doesNotContain("9996018407");
        assertThat(StoreContents.findings(storeDir, needles)).as("plaintext in the store after upload").isEmpty();
    }

    /** Document index to NHS number for every document of the manifest whose pages are all expected matched. */
    static Map<Integer, String> autoFiledDocuments() throws Exception {
        JsonNode truth = new ObjectMapper().readTree(CORPUS.resolve("truth.json").toFile());
        Map<Integer, String> docs = new TreeMap<>();
        Map<Integer, Boolean> allMatched = new TreeMap<>();
        for (JsonNode p : truth.path("pages")) {
            if (!"page".equals(p.path("kind").asText()) || p.path("document").isNull()) {
                continue;
            }
            int doc = p.path("document").asInt();
            boolean matched = "matched".equals(p.path("expect").asText());
            allMatched.merge(doc, matched, Boolean::logicalAnd);
            if (matched) {
                docs.put(doc, p.path("nhs_number").asText());
            }
        }
        allMatched.forEach((doc, ok) -> {
            if (!ok) {
                docs.remove(doc);
            }
        });
        return docs;
    }

    private static List<byte[]> readAll(List<Path> files) throws java.io.IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            out.add(Files.readAllBytes(f));
        }
        return out;
    }

    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
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

    /** Matches requests after the first {@code skip} that match {@code inner}. */
    static final class SkipFirst implements java.util.function.Predicate<javax.servlet.http.HttpServletRequest> {
        private final java.util.function.Predicate<javax.servlet.http.HttpServletRequest> inner;
        private int toSkip;

        SkipFirst(int skip, java.util.function.Predicate<javax.servlet.http.HttpServletRequest> inner) {
            this.toSkip = skip;
            this.inner = inner;
        }

        @Override
        public synchronized boolean test(javax.servlet.http.HttpServletRequest r) {
            if (!inner.test(r)) {
                return false;
            }
            return toSkip-- <= 0;
        }
    }
}
