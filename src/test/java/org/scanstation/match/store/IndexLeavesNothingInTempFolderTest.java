package org.scanstation.match.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.Launcher;
import org.scanstation.files.testing.TempFolderWatch;
import org.scanstation.samples.SyntheticPatients;
import org.sqlite.util.OSInfo;

/**
 * {@code index import} (a first import and a refresh), {@code index search} on the imported index and on
 * a CSV extract ({@code --patients}, the path of {@code analyse}, {@code export}, {@code process} and a
 * station's {@code patientIndex.csv}), each in a child JVM whose temporary folders are watched:
 * {@code java.io.tmpdir} and SQLite's own ({@code SQLITE_TMPDIR}, {@code TMPDIR}). Every name that
 * appears there, even a file unlinked the moment it is opened (SQLite's temporary files are), is
 * recorded. Only the SQLite driver's native library may appear, and it must be that library, byte for byte.
 *
 * <p>The import's extract has tens of thousands of refused rows (accepted with {@code --max-refused}):
 * ordering and counting them is more than SQLite sorts in its cache, so with its temporary files on
 * disk ({@code temp_store=FILE}, as before) it writes them, refusal messages and all, to its temporary
 * folder. A million-patient import does the same while it builds its indexes.
 */
class IndexLeavesNothingInTempFolderTest {

    private static final String NATIVE_LIBRARY = "sqlite-[0-9.]+-[0-9a-f-]+-libsqlitejdbc\\.so(\\.lck)?";

    @TempDir
    Path tmp;

    @Test
    void importRefreshAndSearchWriteNothingButTheDriverLibraryToAnyTemporaryFolder() throws Exception {
        Path withRefusals = extractWithRefusals(tmp.resolve("pas-refusals.csv"), 80_000);
        Path clean = tmp.resolve("pas.csv");
        SyntheticPatients.Written written = SyntheticPatients.write(clean, 20_000, 20261201L, 2);
        SyntheticPatients.Sample someone = written.samples().get(0);
        Path index = tmp.resolve("index");
        Path watched = tmp.resolve("watched-tmp");
        List<String> outputs = new ArrayList<>();
        TempFolderWatch watch = TempFolderWatch.start(watched, tmp.resolve("kept"));
        try {
            provesItSeesAFileUnlinkedAtOnce(watch);

            outputs.add(run(watched, "index", "import", withRefusals.toString(), "--index", index.toString(),
                    "--max-refused", "100000"));
            assertThat(Files.readString(IndexHome.at(index).refusedFile()))
                    .as("the refused rows are listed in the index's own folder").contains("is not a date");
            outputs.add(run(watched, "index", "import", clean.toString(), "--index", index.toString(),
                    "--max-removed-percent", "100"));
            outputs.add(run(watched, "index", "search", "--index", index.toString(), someone.familyName()));
            outputs.add(run(watched, "index", "search", "--patients", clean.toString(), someone.familyName()));
        } finally {
            watch.close();
        }

        assertThat(outputs.get(0)).contains("refused rows:").containsPattern("switched to gen-");
        assertThat(outputs.get(1)).containsPattern("switched to gen-");
        assertThat(outputs.get(2)).contains(someone.nhs().substring(0, 3));
        assertThat(outputs.get(3)).contains(someone.nhs().substring(0, 3));

        List<Path> others = watch.appeared().stream()
                .filter(p -> !p.getFileName().toString().startsWith("probe-"))
                .filter(p -> !p.getFileName().toString().matches(NATIVE_LIBRARY))
                .toList();
        assertThat(others).as("files that appeared in the temporary folders; output: " + outputs).isEmpty();
        byte[] library = nativeLibrary();
        for (TempFolderWatch.Seen s : watch.seen()) {
            String name = s.relative().getFileName().toString();
            if (name.endsWith(".so")) {
                assertThat(Files.readAllBytes(s.kept())).as(name + " is the driver's native library").isEqualTo(library);
            } else if (name.endsWith(".lck")) {
                assertThat(Files.size(s.kept())).as(name + " is an empty lock file").isZero();
            }
        }
    }

    /** The watch sees a file that is deleted as soon as it is made, as SQLite does with its temporary files. */
    private static void provesItSeesAFileUnlinkedAtOnce(TempFolderWatch watch) throws Exception {
        Path probe = watch.watched().resolve("probe-" + UUID.randomUUID());
        Files.write(probe, new byte[] {1});
        Files.delete(probe);
        for (int i = 0; i < 100 && watch.appeared().isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(watch.appeared()).contains(probe.getFileName());
    }

    /** Synthetic patients, four rows in five with a date of birth written dd/MM/yyyy (refused, with the date quoted). */
    private static Path extractWithRefusals(Path file, int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", List.of("nhs_number", "mrn", "family_name", "given_name", "date_of_birth", "sex", "postcode")));
        List<String> patients = SyntheticPatients.rows(rows, 7L);
        for (int i = 0; i < patients.size(); i++) {
            String[] f = patients.get(i).split(",", -1);
            if (i % 5 != 0) {
                f[4] = f[4].substring(8, 10) + "/" + f[4].substring(5, 7) + "/" + f[4].substring(0, 4);
            }
            lines.add(String.join(",", f));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] nativeLibrary() throws IOException {
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/libsqlitejdbc.so";
        try (InputStream in = OSInfo.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Runs the command line in a child JVM whose temporary folders are all {@code watched}; returns its output. */
    private String run(Path watched, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + watched,
                "-Dscanstation.logDir=" + tmp.resolve("logs"),
                "-Dscanstation.userConfig=" + tmp.resolve("no-settings.json"),
                "-Dscanstation.machineConfig=" + tmp.resolve("no-station.json"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("child-" + UUID.randomUUID() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SQLITE_TMPDIR", watched.toString());
        pb.environment().put("TMPDIR", watched.toString());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(String.join(" ", args) + ": " + output).isZero();
        return output;
    }
}
