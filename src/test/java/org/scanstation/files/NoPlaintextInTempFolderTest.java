package org.scanstation.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.Launcher;
import org.scanstation.files.testing.PlaintextFinder;
import org.scanstation.files.testing.TempFolderWatch;
import org.scanstation.scan.EsclTestScanner;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/**
 * Runs {@code export}, {@code process} (with a PDF among its inputs), {@code upload} and {@code scan}
 * from an eSCL scanner that sends a JPEG and a PDF, each in a child JVM whose {@code java.io.tmpdir}
 * is watched: every file that appears there, even for a moment, is hard-linked and then inspected.
 * None may be an image, a PDF, a library's cache file or text holding a patient identifier.
 */
class NoPlaintextInTempFolderTest {

    static final Path CORPUS = Path.of("../shared/corpus/public-01");

    @TempDir
    Path tmp;

    @Test
    void noCommandLeavesPlaintextInTheTemporaryFolderEvenForAMoment() throws Exception {
        Path watchedTmp = tmp.resolve("java-tmp");
        Path store = tmp.resolve("store");
        Path key = tmp.resolve("keys/store.key");
        Path out = tmp.resolve("export");
        List<String> ran = new ArrayList<>();
        try (TempFolderWatch watch = TempFolderWatch.start(watchedTmp, tmp.resolve("kept"))) {
            provesItCatchesAFileThatLivesForAMoment(watch);

            run(ran, watchedTmp, "export", "--quiet", "--patients", patients(), "--out", out.toString(),
                    page("0007.jpg"), page("0011.tif"));
            Path exported;
            try (Stream<Path> pdfs = Files.list(out)) {
                exported = pdfs.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
            }
            run(ran, watchedTmp, "process", "--patients", patients(), "--store", store.toString(), "--key", key.toString(),
                    page("0010.png"), exported.toString());
            InMemoryCmisServer cmis = InMemoryCmisServer.shared();
            run(ran, watchedTmp, "upload", "--store", store.toString(), "--key", key.toString(), "--cmis",
                    cmis.browserUrl(), "--user", "dummyuser", "--password-env", "TEST_CMIS_PASSWORD",
                    "--folder-root", "/TempFolderTest-" + UUID.randomUUID());
            try (EsclTestScanner scanner = new EsclTestScanner("ricoh-sp-c261sfnw.xml",
                    List.of(Files.readAllBytes(Path.of(page("0007.jpg"))), Files.readAllBytes(exported)))) {
                run(ran, watchedTmp, "scan", "--device", scanner.uri(), "--source", "adf", "--out",
                        tmp.resolve("scanned").toString());
            }
            watch.close();

            PlaintextFinder finder = new PlaintextFinder(identifiers());
            List<String> found = new ArrayList<>();
            for (TempFolderWatch.Seen s : watch.seen()) {
                if (s.relative().getFileName().toString().startsWith("probe-")) {
                    continue;
                }
                Optional<String> why = finder.why(s.kept(), s.relative().getFileName().toString());
                why.ifPresent(w -> found.add(s.relative() + ": " + w));
            }
            assertThat(found).as("plaintext in java.io.tmpdir during " + ran + "; all files seen: " + watch.seen())
                    .isEmpty();
        }
    }

    /** The watch is not blind: a file created and deleted at once is kept. */
    private static void provesItCatchesAFileThatLivesForAMoment(TempFolderWatch watch) throws Exception {
        Path probe = watch.watched().resolve("probe-" + UUID.randomUUID());
        Files.write(probe, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
        TimeUnit.MILLISECONDS.sleep(50);
        Files.delete(probe);
        for (int i = 0; i < 100 && watch.seen().isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(watch.seen()).extracting(s -> s.relative().toString()).contains(probe.getFileName().toString());
    }

    private void run(List<String> ran, Path javaTmp, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + javaTmp,
                "-Dscanstation.logDir=" + tmp.resolve("logs"),
                "-Dscanstation.userConfig=" + tmp.resolve("no-settings.json"),
                "-Dscanstation.machineConfig=" + tmp.resolve("no-station.json"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("child-" + args[0] + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.environment().put("TEST_CMIS_PASSWORD", "dummysecret");
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(args[0] + " did not finish: " + Files.readString(log));
        }
        assertThat(p.exitValue()).as(args[0] + ": " + Files.readString(log)).isZero();
        ran.add(args[0]);
    }

    private static String page(String name) {
        return CORPUS.resolve("batch").resolve(name).toString();
    }

    private static String patients() {
        return CORPUS.resolve("patients.csv").toString();
    }

    /** Every patient's NHS number, hospital number and family name from the index. */
    private static List<String> identifiers() throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> lines = Files.readAllLines(CORPUS.resolve("patients.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            ids.add(f[0]);
            ids.add(f[1]);
            if (f[2].length() >= 5) {
                ids.add(f[2]);
            }
        }
        return ids;
    }
}
