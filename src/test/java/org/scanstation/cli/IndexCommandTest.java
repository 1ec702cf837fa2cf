package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IT's commands for the patient index, and analyse on an imported index: exit statuses and plain one-line errors. */
class IndexCommandTest {

    static final Path CORPUS = Path.of("../shared/corpus/public-01");

    @TempDir
    Path dir;

    @Test
    void importStatusSearchAndAnalyseOnTheImportedIndex() throws Exception {
        Path index = dir.resolve("index");
        AnalyseCommandTest.Run imported = AnalyseCommandTest.run("index", "import", CORPUS.resolve("patients.csv").toString(),
                "--index", index.toString());
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains("patients:            360").contains("switched to gen-");

        AnalyseCommandTest.Run status = AnalyseCommandTest.run("index", "status", "--index", index.toString());
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("patients:     360");

        AnalyseCommandTest.Run search = AnalyseCommandTest.run("index", "search", "--index", index.toString(), "KING", "01/03/2008");
        assertThat(search.out()).contains("999 618 5311  R5142473    KING, William").contains("1 patient");

        AnalyseCommandTest.Run analysed = AnalyseCommandTest.run("analyse", "--index", index.toString(),
                CORPUS.resolve("batch/0001.jpg").toString());
        assertThat(analysed.code()).isZero();
        assertThat(analysed.out()).contains("1 pages");
    }

    @Test
    void aFailedImportIsExitFourWithTheReportAndTheOldIndexStays() throws Exception {
        Path index = dir.resolve("index");
        AnalyseCommandTest.run("index", "import", CORPUS.resolve("patients.csv").toString(), "--index", index.toString());
        String pointer = Files.readString(index.resolve("current"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode\n"
                + "9434765918,K1234567,SMITH,Mary,1970-01-02,F,LE1\n");
        AnalyseCommandTest.Run r = AnalyseCommandTest.run("index", "import", bad.toString(), "--index", index.toString());
        assertThat(r.code()).isEqualTo(ExitCode.PATIENT_INDEX.code());
        assertThat(r.out()).contains("bad.csv:2: nhs_number: 943 476 5918 fails the NHS number check digit")
                .contains("NOT imported");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("stays in use").doesNotContain("Exception");
        assertThat(Files.readString(index.resolve("current"))).isEqualTo(pointer);
    }

    @Test
    void aDamagedStoreIsExitFourInPlainWordsNeverAStackTrace() throws Exception {
        Path index = dir.resolve("index");
        AnalyseCommandTest.run("index", "import", CORPUS.resolve("patients.csv").toString(), "--index", index.toString());
        try (Stream<Path> gens = Files.list(index.resolve("generations"))) {
            Path g = gens.findFirst().orElseThrow();
            byte[] b = Files.readAllBytes(g);
            for (int i = 100; i < b.length; i += 7) {
                b[i] = (byte) 0x5A;
            }
            Files.write(g, b);
        }
        AnalyseCommandTest.Run r = AnalyseCommandTest.run("analyse", "--index", index.toString(),
                CORPUS.resolve("batch/0001.jpg").toString());
        assertThat(r.code()).isEqualTo(ExitCode.PATIENT_INDEX.code());
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("damaged").contains("import the extract again").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anIndexFolderWithNothingImportedSaysHowToImport() {
        AnalyseCommandTest.Run r = AnalyseCommandTest.run("analyse", "--index", dir.resolve("empty").toString(),
                CORPUS.resolve("batch/0001.jpg").toString());
        assertThat(r.code()).isEqualTo(ExitCode.PATIENT_INDEX.code());
        assertThat(r.err()).contains("no patient index has been imported").contains("scanstation index import");
    }
}
