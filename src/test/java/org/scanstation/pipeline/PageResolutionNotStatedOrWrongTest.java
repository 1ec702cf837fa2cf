package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.image.InputFiles;
import org.scanstation.image.InputFixtures;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageStatus;

/**
 * Pages whose file does not say its resolution, or says it wrongly (a 150-dpi page of a letter saved as a
 * plain PNG; the same page stamped 300 dpi by a tool that always writes 300): the continuation pages of a
 * labelled page still follow it, read as the text they are, and are not sent to review as "unreadable".
 */
class PageResolutionNotStatedOrWrongTest {

    static final Path SAMPLES = Path.of("samples");

    @TempDir
    Path dir;

    @Test
    void continuationPagesFollowTheirLabelledPageWhateverTheirFileSaysOfTheirResolution() throws Exception {
        Path batch = Files.createDirectory(dir.resolve("batch"));
        Files.copy(SAMPLES.resolve("batch/0011.jpg"), batch.resolve("01-labelled.jpg"));
        InputFixtures.png(batch, "02-no-resolution.png", InputFixtures.page(150, 2));
        InputFixtures.png(dir, "03.png", InputFixtures.page(150, 3));
        InputFixtures.magick(dir, batch.resolve("03-stamped-300.png").toString(),
                "03.png", "-units", "PixelsPerInch", "-density", "300");
        List<PageAnalysis> out = new ArrayList<>();
        try (AnalysisEngine engine = AnalysisEngine.create(AnalysisSettings.defaults(),
                CsvPatientIndex.load(SAMPLES.resolve("patients.csv")))) {
            engine.analyse(InputFiles.expand(List.of(batch)).files(), out::add);
        }
        assertThat(out).hasSize(3);
        assertThat(out.get(0).status()).isEqualTo(PageStatus.MATCHED);
        for (PageAnalysis p : out.subList(1, 3)) {
            assertThat(p.status()).as(p.id().name() + ": " + p.reasons()).isEqualTo(PageStatus.MATCHED);
            assertThat(p.patient()).as(p.id().name()).isEqualTo(out.get(0).patient());
            assertThat(p.document()).as(p.id().name()).isEqualTo(out.get(0).document());
        }
    }
}
