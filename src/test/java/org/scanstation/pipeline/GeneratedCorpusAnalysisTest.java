package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.samples.GeneratorSettings;
import org.scanstation.samples.SampleBatchGenerator;

/**
 * Generalisation: a batch the analysis has never seen, made by the project's generator with label
 * layouts composed at random (fonts, field orders, symbologies incl. DataMatrix and Code 39), sideways
 * and upside-down pages, heavier noise and traps. Zero misfiled, zero dropped.
 */
class GeneratedCorpusAnalysisTest {

    @TempDir
    Path work;

    @Test
    void unseenLayoutsAreNeverMisfiled() throws Exception {
        Path corpus = work.resolve("corpus");
        SampleBatchGenerator.generate(corpus, GeneratorSettings.defaults(2027).withPages(48).withRandomLayouts(8).withMaxLevel(3));
        CorpusScorer.Result r = CorpusScorer.analyseAndScore(corpus, work);
        assertThat(r.count("missing")).isZero();
        assertThat(r.count("misfiled")).as(r.score().toString()).isZero();
        assertThat(r.count("dropped")).as(r.score().toString()).isZero();
        assertThat(r.figure("traps_caught")).isEqualTo(1.0);
        assertThat(r.figure("auto_rate")).as(r.score().toString()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.figure("rotation_acc")).isGreaterThanOrEqualTo(0.95);
    }
}
