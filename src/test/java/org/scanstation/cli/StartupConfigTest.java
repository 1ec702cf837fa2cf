package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.MachineFile;
import picocli.CommandLine;

/** The station refuses to start on a malformed machine-wide file, naming file and line; doctor reports it. */
class StartupConfigTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void forgetConfigOverride() {
        System.clearProperty("scanstation.config");
        System.clearProperty(MachineFile.TEST_OVERRIDE);
    }

    int run(String... args) {
        CommandLine cl = ScanStationCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    Path malformed() throws Exception {
        return Files.writeString(dir.resolve("station.json"), "{\n  \"stationId\": \"A\",\n  \"edms\": { \"cmisUrl\": }\n}\n");
    }

    @Test
    void aCommandWillNotRunOnAMalformedConfiguration() throws Exception {
        Path bad = malformed();
        int code = run("--config", bad.toString(), "analyse", "--patients", "../shared/corpus/public-01/patients.csv",
                "../shared/corpus/public-01/batch/0010.png");
        assertThat(code).isEqualTo(ExitCode.CONFIG.code());
        assertThat(err.toString()).contains("will not start").contains(bad + ": line 3");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theStationWithoutACommandWillNotStartEither() throws Exception {
        Path bad = malformed();
        assertThat(run("--config", bad.toString())).isEqualTo(ExitCode.CONFIG.code());
        assertThat(err.toString()).contains(bad + ": line 3");
    }

    @Test
    void doctorFailsWhenTheLanguageDataIsMissing() {
        Path missing = dir.resolve("no-tessdata");
        int code = run("doctor", "--tessdata", missing.toString());
        assertThat(code).isEqualTo(ExitCode.FAILURE.code());
        assertThat(out.toString()).contains("FAIL  Tesseract OCR  English language data (eng.traineddata) not found in " + missing)
                .contains("fix the FAIL lines above");
    }

    @Test
    void versionAndHelpStillAnswer() throws Exception {
        Path bad = malformed();
        assertThat(run("--config", bad.toString(), "--version")).isZero();
        assertThat(out.toString()).isNotBlank();
    }

    @Test
    void doctorReportsTheMalformedFileAndFails() throws Exception {
        Path bad = malformed();
        int code = run("--config", bad.toString(), "doctor");
        assertThat(code).isEqualTo(ExitCode.FAILURE.code());
        assertThat(out.toString()).contains("FAIL").contains(bad + ": line 3").contains("Tesseract OCR");
    }

    @Test
    void theInstalledExampleLetsCommandsRun() {
        System.setProperty(MachineFile.TEST_OVERRIDE, "installer/config/station.json");
        int code = run("doctor");
        assertThat(out.toString()).contains("Configuration").contains("locked by IT: analysis, edms, patientIndex");
        assertThat(out.toString()).doesNotContain("FAIL  Configuration");
        assertThat(code).as(out.toString()).isZero();
    }

    @Test
    void doctorChecksAMachineFileBeforeItIsDeployedWithoutApplyingIt() {
        int code = run("doctor", "--check-file", "installer/config/station.json");
        assertThat(out.toString()).contains("OK    Candidate file installer/config/station.json is valid")
                .contains("it would lock: analysis, edms, patientIndex, stationId, store.keyFile, store.path")
                .doesNotContain("FAIL  Configuration");
        assertThat(code).as(out.toString()).isZero();
    }

    @Test
    void aSettingsFileGivenWithConfigCannotAddAnAccount() throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.json"), """
                { "users": [ { "name": "me", "role": "supervisor",
                  "passwordHash": "pbkdf2-sha256$600000$0nexGB4ZLeI3pN55w9+IPQ$6hviohWzX2SuGwhvyswXKzthgCmRDUJc2U8qzalJhT4" } ] }
                """);
        int code = run("--config", mine.toString(), "queue", "--store", dir.resolve("none").toString());
        assertThat(code).isEqualTo(ExitCode.CONFIG.code());
        assertThat(err.toString()).contains(mine + ": 'users' can only be set in IT's machine-wide file");
    }
}
