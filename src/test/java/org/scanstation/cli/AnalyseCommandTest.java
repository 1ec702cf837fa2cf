package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The analyse command as a script or a person uses it: exit codes, one-line errors, the JSON. */
class AnalyseCommandTest {

    static final Path CORPUS = Path.of("../shared/corpus/public-01");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ScanStationCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void noPatientIndexAtAllIsExitFourOnOneLineSayingHowToGiveOne() {
        System.setProperty("scanstation.patientIndex", dir.resolve("never-imported").toString());
        try {
            Run r = run("analyse", CORPUS.resolve("batch/0001.jpg").toString());
            assertThat(r.code()).isEqualTo(ExitCode.PATIENT_INDEX.code());
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains("--patients").contains("--index").contains("scanstation index import");
        } finally {
            System.clearProperty("scanstation.patientIndex");
        }
    }

    @Test
    void inputThatDoesNotExist() {
        Run r = run("analyse", "--patients", CORPUS.resolve("patients.csv").toString(), dir.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("nowhere");
    }

    @Test
    void malformedIndexNamesFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode\n"
                + "9434765919,K1234567,SMITH,Mary,not-a-date,F,LE1\n");
        Run r = run("analyse", "--patients", bad.toString(), CORPUS.resolve("batch/0001.jpg").toString());
        assertThat(r.code()).isEqualTo(ExitCode.PATIENT_INDEX.code());
        assertThat(r.err()).contains("bad.csv:2:");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void corruptFilesAreReviewPagesAndTheBatchGoesOn() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.copy(CORPUS.resolve("batch/0009.jpg"), in.resolve("a.jpg"));
        byte[] jpeg = Files.readAllBytes(CORPUS.resolve("batch/0010.png"));
        Files.write(in.resolve("b-truncated.png"), java.util.Arrays.copyOf(jpeg, 2000));
        Files.writeString(in.resolve("c-not-an-image.jpg"), "hello, I am a text file");
        Files.copy(CORPUS.resolve("batch/0002.jpg"), in.resolve("d.jpg"));
        Path json = dir.resolve("out.json");
        Run r = run("analyse", "--patients", CORPUS.resolve("patients.csv").toString(), "--json", json.toString(),
                in.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode pages = new ObjectMapper().readTree(json.toFile()).get("pages");
        assertThat(pages).hasSize(4);
        assertThat(pages.get(0).get("source").asText()).isEqualTo("a.jpg");
        assertThat(pages.get(0).get("status").asText()).isEqualTo("separator");
        assertThat(pages.get(1).get("status").asText()).isEqualTo("review");
        assertThat(pages.get(1).get("reasons").get(0).asText()).isNotBlank();
        assertThat(pages.get(2).get("status").asText()).isEqualTo("review");
        assertThat(pages.get(3).get("status").asText()).isEqualTo("blank");
        assertThat(pages.get(3).get("document").isNull()).isTrue();
        assertThat(r.out()).contains("4 pages");
    }

    @Test
    void customSeparatorReplacesTheDefaults() throws Exception {
        Path json = dir.resolve("out.json");
        Run r = run("analyse", "--patients", CORPUS.resolve("patients.csv").toString(), "--json", json.toString(),
                "--separator", "SOMETHING ELSE", CORPUS.resolve("batch/0009.jpg").toString());
        assertThat(r.code()).isZero();
        JsonNode page = new ObjectMapper().readTree(json.toFile()).get("pages").get(0);
        assertThat(page.get("status").asText()).isNotEqualTo("separator");
        assertThat(page.get("barcodes").get(0).get("text").asText()).isEqualTo("SEPARATOR");
    }

    @Test
    void aScanimageBatchFolderIsReadInFeederOrderAndWhatIsNotReadIsListed() throws Exception {
        // the demo batch as `scanimage --batch` names it: out1 ... out14; name order would read out1, out10, ...
        Path in = Files.createDirectory(dir.resolve("scans"));
        Path samples = Path.of("samples");
        JsonNode truth = new ObjectMapper().readTree(samples.resolve("truth.json").toFile()).get("pages");
        for (int i = 1; i <= truth.size(); i++) {
            Files.copy(samples.resolve(String.format("batch/%04d.jpg", i)), in.resolve("out" + i + ".jpg"));
        }
        Files.writeString(in.resolve("scan-notes.txt"), "batch 7, ward 3");
        Files.createDirectory(in.resolve("rescans"));
        Path json = dir.resolve("out.json");
        Run r = run("analyse", "--patients", samples.resolve("patients.csv").toString(), "--json", json.toString(),
                in.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        JsonNode pages = result.get("pages");
        assertThat(pages).hasSize(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            JsonNode t = truth.get(i);
            JsonNode p = pages.get(i);
            assertThat(p.get("source").asText()).isEqualTo("out" + (i + 1) + ".jpg");
            if ("matched".equals(p.get("status").asText())) {
                assertThat(p.get("patient").get("nhsNumber").asText()).as(p.get("source").asText())
                        .isEqualTo(t.get("nhs_number").asText());
            }
        }
        assertThat(result.get("skipped")).hasSize(2);
        assertThat(result.get("skipped").findValuesAsText("source")).containsExactlyInAnyOrder("scan-notes.txt", "rescans");
        assertThat(r.out()).contains("not read: scan-notes.txt: not an image or PDF file (.txt)")
                .contains("not read: rescans: a folder");
    }

    @Test
    void aFolderWhoseNumberingIsAmbiguousIsRefusedBeforeAnyAnalysis() throws Exception {
        Path in = Files.createDirectory(dir.resolve("mixed"));
        for (String name : new String[] {"page01.jpg", "page02.jpg", "page3.jpg"}) {
            Files.copy(CORPUS.resolve("batch/0002.jpg"), in.resolve(name));
        }
        Run r = run("analyse", "--patients", CORPUS.resolve("patients.csv").toString(), in.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("ambiguous").contains("page3.jpg");
    }

    @Test
    void thePageTimeLimitIsAnOptionWithBounds() {
        Run r = run("analyse", "--patients", CORPUS.resolve("patients.csv").toString(), "--page-time-limit", "0",
                CORPUS.resolve("batch/0002.jpg").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("--page-time-limit");
    }
}
