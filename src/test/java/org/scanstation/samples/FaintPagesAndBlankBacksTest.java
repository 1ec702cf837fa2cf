package org.scanstation.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scanstation.image.BlankPageDetector;
import org.scanstation.image.BlankVerdict;
import org.scanstation.image.ImageOps;

/**
 * The blank check against pages made for it: letters printed faint at several strengths and noise levels,
 * in grey and bilevel (where the scan breaks their strokes into specks), straight, skewed and sideways,
 * are never blank; blank backs with specks, show-through from the front, punch holes and scanner noise
 * still are (recall at least 0.95).
 */
class FaintPagesAndBlankBacksTest {

    private final BlankPageDetector detector = new BlankPageDetector();

    @Test
    void faintTextAtEveryStrengthAndNoiseLevelIsNeverBlank() {
        List<String> blank = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        int n = 0;
        // margin: how far the strokes' ink lies below the bilevel threshold, in noise deviations (0.1: barely)
        double[][] cases = {{200, 2, -0.8}, {200, 2, -0.5}, {200, 2, -0.2}, {200, 2, 0.3}, {200, 2, 1.2}, {200, 3, -0.5},
            {200, 3, -0.2}, {200, 3, 0.6}, {300, 2, -0.5}, {300, 3, -0.3}};
        for (double[] c : cases) {
            int dpi = (int) c[0];
            int level = (int) c[1];
            PagePlan plan = letter(level, c[2], 1000 + n);
            BufferedImage grey = new PageRenderer(dpi).render(plan).image();
            BufferedImage bilevel = ImageOps.toGrey(ScanEffects.binarise(grey, ScanEffects.threshold(level)));
            for (BufferedImage img : List.of(grey, bilevel)) {
                String what = String.format("%d dpi, level %d, margin %.1f, %s, rotation %d, skew %.1f", dpi, level, c[2],
                        img == grey ? "grey" : "bilevel", plan.rotation, plan.skew);
                BlankVerdict v = detector.assess(img, dpi);
                if (v.blank()) {
                    blank.add(what + ": " + v.reason());
                } else if (v.uncertain()) {
                    uncertain.add(what + ": " + v.reason());
                }
            }
            n++;
        }
        assertThat(blank).as("faint pages called blank").isEmpty();
        assertThat(uncertain.size()).as("faint pages left to a person: %s", uncertain).isLessThanOrEqualTo(2);
    }

    @Test
    void blankBacksWithSpecksShowThroughHolesAndNoiseStayBlank() {
        Random rnd = new Random(14);
        List<String> missed = new ArrayList<>();
        int backs = 40;
        for (int i = 0; i < backs; i++) {
            int dpi = i % 4 == 3 ? 300 : 200;
            PagePlan plan = new PagePlan();
            plan.kind = PagePlan.Kind.BLANK;
            plan.expect = "blank";
            plan.level = i % 4;
            plan.format = PageFormat.PNG;
            plan.skew = rnd.nextDouble() * 4 - 2;
            plan.renderSeed = 5000 + i;
            plan.showThrough = rnd.nextDouble() < 0.7;
            plan.showThroughStrength = 0.03 + rnd.nextDouble() * 0.12;
            plan.punchHoles = rnd.nextDouble() < 0.4;
            BufferedImage img = new PageRenderer(dpi).render(plan).image();
            boolean bilevel = rnd.nextBoolean();
            if (bilevel) {
                img = ImageOps.toGrey(ScanEffects.binarise(img, ScanEffects.threshold(plan.level)));
            }
            BlankVerdict v = detector.assess(img, dpi);
            if (!v.blank()) {
                missed.add(String.format("back %d (%d dpi, level %d, %s, show-through %s %.2f, holes %s): %s", i, dpi,
                        plan.level, bilevel ? "bilevel" : "grey", plan.showThrough, plan.showThroughStrength,
                        plan.punchHoles, v.reason()));
            }
        }
        double recall = (backs - missed.size()) / (double) backs;
        assertThat(recall).as("blank backs found blank; missed: %s", missed).isGreaterThanOrEqualTo(0.95);
    }

    /** A letter page printed faint, turned and skewed a little. */
    private static PagePlan letter(int level, double margin, long seed) {
        PagePlan p = PlanFixtures.page();
        p.level = level;
        p.faintMargin = margin;
        p.renderSeed = seed;
        p.rotation = seed % 3 == 0 ? 90 : 0;
        p.skew = (seed % 5) - 2.0;
        p.pageInDoc = 1;
        p.pagesInDoc = 2;
        return p;
    }
}
