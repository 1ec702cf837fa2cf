package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.Launcher;
import org.scanstation.gui.Shown;
import org.scanstation.logging.LogSetup;
import org.scanstation.logging.RedactorTest;
import org.scanstation.store.BatchStore;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;
import org.scanstation.upload.cmis.testing.RogueCmisEndpoint;

/**
 * A server error quoting every identifier format ({@link RedactorTest#IDENTIFIERS}) goes through each
 * way text leaves the process: the command line's error and normal output, the log file, the error
 * kept in the store and shown by {@code queue}, and the window's messages. None shows an identifier.
 */
class IdentifiersNeverLeaveTest {

    static final String QUOTED = "cannot file under " + String.join(" / ", RedactorTest.IDENTIFIERS);

    @TempDir
    Path tmp;

    @Test
    void aServerErrorQuotingIdentifiersIsMaskedOnTheConsoleInTheLogInTheStoreAndInQueue() throws Exception {
        Path store = tmp.resolve("store");
        try (BatchStore s = BatchStore.open(store, StoreFixture.keyIn(tmp))) {
            StoreFixture.queuedBatch(s, List.of(SamplePatientData.ALICE, SamplePatientData.BOB), 9);
        }
        String key = tmp.resolve("config/store.key").toString();
        Path logs = tmp.resolve("logs");
        try (RogueCmisEndpoint edms = RogueCmisEndpoint.start().refusingWith(QUOTED)) {
            Child upload = child(logs, "upload", "--store", store.toString(), "--key", key, "--cmis", edms.browserUrl(),
                    "--attempts", "1");
            assertThat(upload.code()).as(upload.output()).isEqualTo(ExitCode.NEEDS_ATTENTION.code());
            assertThat(upload.output()).contains("the EDMS refused it").contains("[name]", "[date]", "[nhs-number]",
                    "[hospital-number]", "[postcode]");
            assertNoIdentifier("upload's console output", upload.output());
        }
        String log = allLogs(logs);
        assertThat(log).contains("failed: the EDMS refused it");
        assertNoIdentifier("the log file", log);

        // text stored before masking was in place (or by any other path) is masked when shown
        try (BatchStore s = BatchStore.open(store, StoreFixture.keyIn(tmp))) {
            List<String> before = s.batches().stream().map(b -> b.id().value()).toList();
            StoreFixture.queuedBatch(s, List.of(SamplePatientData.ALICE), 10);
            StoredBatch added = s.batches().stream().filter(b -> !before.contains(b.id().value())).findFirst().orElseThrow();
            added.markFailed(0, QUOTED);
        }
        for (List<String> args : List.of(List.of("queue"), List.of("queue", "--json"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--store", store.toString(), "--key", key));
            Child queue = child(logs, all.toArray(String[]::new));
            assertThat(queue.code()).as(queue.output()).isZero();
            assertThat(queue.output()).contains("the EDMS refused it").contains("cannot file under [nhs-number]");
            assertNoIdentifier("queue " + args, queue.output());
        }
    }

    @Test
    void theLogFileMasksMessagesAndExceptionsOfAnyLogger() throws Exception {
        Path logs = tmp.resolve("inproc-logs");
        LogSetup.install(logs, 1_000_000, 2, null);
        try {
            Logger.getLogger("org.apache.some.library").log(Level.SEVERE, "library says " + QUOTED,
                    new IOException("wrapped: " + QUOTED, new IllegalStateException(QUOTED)));
            Logger.getLogger("org.scanstation.any").warning(QUOTED);
        } finally {
            LogSetup.close();
        }
        String log = allLogs(logs);
        assertThat(log).contains("library says cannot file under [nhs-number]").contains("IllegalStateException");
        assertNoIdentifier("the log file", log);
    }

    @Test
    void theWindowsMessagesAreMaskedAsTheyChange() {
        SimpleStringProperty message = new SimpleStringProperty("Filing the batch ...");
        StringBinding shown = Shown.message(message);
        assertThat(shown.get()).isEqualTo("Filing the batch ...");
        message.set("Upload failed: " + QUOTED);
        assertThat(shown.get()).startsWith("Upload failed: cannot file under [nhs-number]");
        assertNoIdentifier("a window message", shown.get());
        assertNoIdentifier("an upload queue line", Shown.message("the EDMS refused it: " + QUOTED));
    }

    static void assertNoIdentifier(String where, String text) {
        for (String id : RedactorTest.IDENTIFIERS) {
            assertThat(text).as(where + " shows " + id).doesNotContain(id);
        }
    }

    record Child(int code, String output) {
    }

    /** The real command line in its own JVM: real stderr, real log file. */
    Child child(Path logs, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dscanstation.logDir=" + logs,
                "-Dscanstation.userConfig=" + tmp.resolve("no-settings.json"),
                "-Dscanstation.machineConfig=" + tmp.resolve("no-station.json"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("child-" + args[0] + "-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(args[0] + " did not finish: " + Files.readString(out));
        }
        return new Child(p.exitValue(), Files.readString(out));
    }

    static String allLogs(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }
}
