package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole analysis over the shared sample batches, scored by the shared scorer, with a zero budget
 * for pages dropped and for pages misfiled: public-01 (300 dpi) and public-02 (200 dpi, a quarter of it
 * CCITT G4 bilevel, heavy degradation, faint pages, sideways pages, traps).
 */
class PublicCorpusAnalysisTest {

    static final Path CORPUS = Path.of("../shared/corpus/public-01");
    static final Path CORPUS_200_DPI = Path.of("../shared/corpus/public-02");

    @TempDir
    Path work;

    @Test
    void safetyAndAccuracyOnTheSampleBatch() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not beside the project");
        CorpusScorer.Result r = CorpusScorer.analyseAndScore(CORPUS, work);
        var truth = new ObjectMapper().readTree(CORPUS.resolve("truth.json").toFile());
        assertThat(r.count("missing")).isZero();
        assertThat(r.count("dropped")).as("content pages reported blank or separator").isZero();
        assertThat(r.misfiledPages(truth)).as("pages auto-filed wrongly").isEmpty();
        assertThat(r.count("misfiled")).isZero();
        assertThat(r.figure("traps_caught")).isEqualTo(1.0);
        assertThat(r.figure("auto_rate")).as(r.score().toString()).isEqualTo(1.0);
        assertThat(r.figure("blank_recall")).isGreaterThanOrEqualTo(0.9);
        assertThat(r.figure("separator_recall")).isEqualTo(1.0);
        assertThat(r.figure("rotation_acc")).isGreaterThanOrEqualTo(0.95);
        assertThat(r.figure("boundary_acc")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void safetyAndAccuracyOnThe200DpiBilevelBatch() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS_200_DPI), "the shared corpus is not beside the project");
        CorpusScorer.Result r = CorpusScorer.analyseAndScore(CORPUS_200_DPI, work);
        var truth = new ObjectMapper().readTree(CORPUS_200_DPI.resolve("truth.json").toFile());
        assertThat(r.count("missing")).isZero();
        assertThat(r.count("dropped")).as("content pages reported blank or separator: %s", r.score()).isZero();
        assertThat(r.misfiledPages(truth)).as("pages auto-filed wrongly").isEmpty();
        assertThat(r.count("misfiled")).isZero();
        assertThat(r.figure("traps_caught")).as(r.score().toString()).isEqualTo(1.0);
        assertThat(r.figure("auto_rate")).as(r.score().toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(r.figure("blank_recall")).isGreaterThanOrEqualTo(0.95);
        assertThat(r.figure("separator_recall")).isEqualTo(1.0);
    }
}
