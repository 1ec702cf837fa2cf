package org.scanstation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {

    @TempDir
    Path dir;

    @AfterEach
    void closeLog() {
        LogSetup.close();
    }

    @Test
    void writesRotatedFilesWithIdentifiersMasked() throws IOException {
        LogSetup.install(dir, 4_000, 3, Redactor.withDefaults());
        Logger log = Logger.getLogger("org.scanstation.test");
        for (int i = 0; i < 200; i++) {
            log.info("page " + i + " filed to 943 476 5919 / A1234567 born 03/11/1952");
        }
        log.log(Level.WARNING, "upload failed", new IOException("server said: no folder for 9434765919"));
        LogSetup.close();

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("scanstation.0.log", "scanstation.1.log", "scanstation.2.log");
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            all.append(Files.readString(f));
        }
        // a file is rotated once it passes the limit: one holding page lines only is the limit plus one line at most
        assertThat(Files.size(files.get(2))).isLessThanOrEqualTo(4_000 + 200);
        assertThat(all).doesNotContain("943 476 5919", "9434765919", "A1234567", "03/11/1952")
                .contains("[nhs-number] / [hospital-number] born [date]");
        String newest = all.toString();
        assertThat(newest).contains("WARNING org.scanstation.test  upload failed")
                .contains("java.io.IOException: server said: no folder for [nhs-number]");
        assertThat(newest.lines().filter(l -> l.contains("page 199")).findFirst()).get().asString()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO +org\\.scanstation\\.test  page 199 .*");
    }

    @Test
    void stationInfoSurvivesAGarbageCollection() throws Exception {
        LogSetup.install(dir, 100_000, 2, Redactor.withDefaults());
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        // a logger created now finds "org.scanstation" with its INFO level, not a fresh one at WARNING
        Logger.getLogger("org.scanstation.after.gc" + System.nanoTime()).info("still at INFO after a GC");
        LogSetup.close();
        assertThat(Files.readString(dir.resolve("scanstation.0.log"))).contains("still at INFO after a GC");
    }

    @Test
    void librariesOnlyLogWarnings() throws IOException {
        LogSetup.install(dir, 100_000, 2, Redactor.withDefaults());
        Logger.getLogger("org.apache.pdfbox.something").info("chatty library detail");
        Logger.getLogger("org.apache.pdfbox.something").warning("library warning");
        LogSetup.close();
        String text = Files.readString(dir.resolve("scanstation.0.log"));
        assertThat(text).contains("library warning").doesNotContain("chatty library detail");
    }

    @Test
    void redactorUsesTheTrustsOwnHospitalNumberPattern() {
        Redactor r = new Redactor("RX[0-9]{6}");
        assertThat(r.redact("batch 12 page 3: RX123456 and A1234567 and Z12345"))
                .isEqualTo("batch 12 page 3: [hospital-number] and [hospital-number] and Z12345");
        assertThat(r.redact("batch 20261125-0001 took 12 s")).isEqualTo("batch 20261125-0001 took 12 s");
    }

    @Test
    void theLogFolderFollowsThePlatformConvention() {
        Path d = LogSetup.defaultLogDir();
        if (System.getProperty("os.name").startsWith("Linux")) {
            String xdg = System.getenv("XDG_STATE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
            assertThat(d).isEqualTo(base.resolve("scanstation").resolve("logs"));
        }
        assertThat(d.toString()).containsIgnoringCase("scanstation");
    }
}
