package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.samples.GeneratorSettings;
import org.scanstation.samples.PageFormat;
import org.scanstation.samples.SampleBatchGenerator;

/**
 * Generalisation at 200 dpi bilevel (ward scanners left at their space-saving setting): batches the analysis
 * has never seen, every page a CCITT G4 TIFF, label layouts composed at random from the seed, noise up to
 * level 2 (public-02's range), faint pages in about public-02's share (0.15 of the level-2 pages: about one
 * page in twenty), sideways and upside-down pages, traps. Each batch: no page misfiled, none dropped, every
 * trap caught; together, at least 97 % of the pages that could be filed are filed without a person.
 */
class Unseen200DpiBilevelAnalysisTest {

    private static final long[] SEEDS = {1401, 1402, 1403};

    @TempDir
    Path work;

    @Test
    void unseenBilevelBatchesAreNeverMisfiledAndMostlyFiledAutomatically() throws Exception {
        int toFile = 0;
        int autoCorrect = 0;
        List<String> scores = new ArrayList<>();
        for (long seed : SEEDS) {
            Path corpus = work.resolve("corpus-" + seed);
            SampleBatchGenerator.generate(corpus, GeneratorSettings.defaults(seed).withPages(30).withDpi(200)
                    .withFormats(EnumSet.of(PageFormat.TIF)).withRandomLayouts(8).withMaxLevel(2).withFaintShare(0.15));
            CorpusScorer.Result r = CorpusScorer.analyseAndScore(corpus, corpus);
            String score = "seed " + seed + ": " + r.score();
            scores.add(score);
            assertThat(r.count("missing")).as(score).isZero();
            assertThat(r.count("misfiled")).as(score).isZero();
            assertThat(r.count("dropped")).as(score).isZero();
            assertThat(r.figure("traps_caught")).as(score).isEqualTo(1.0);
            toFile += r.score().path("counts").path("to_file").asInt();
            autoCorrect += r.score().path("counts").path("auto_correct").asInt();
        }
        assertThat(autoCorrect / (double) toFile).as("auto rate over the batches: %s", scores).isGreaterThanOrEqualTo(0.97);
    }
}
