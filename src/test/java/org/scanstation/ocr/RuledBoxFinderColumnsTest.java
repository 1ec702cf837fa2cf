package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The ruled-line runs found the fast ways (down the columns a row at a time; along the rows from a ring of
 * smoothed rows) are exactly those found one line at a time.
 */
class RuledBoxFinderColumnsTest {

    @Test
    void columnRunsFoundRowByRowAreTheRunsFoundColumnByColumn() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.list(Path.of("samples/batch"))) {
            pages = files.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png")).sorted().limit(6).toList();
        }
        assertThat(pages).isNotEmpty();
        int runs = 0;
        for (Path p : pages) {
            BufferedImage page = ImageIO.read(p.toFile());
            for (double dpi : new double[] {150, 200, 300}) {
                RuledBoxFinder finder = new RuledBoxFinder(WorkImage.of(page, dpi));
                List<RuledBoxFinder.Segment> byRow = finder.columnSegments();
                assertThat(byRow).as(p + " at " + dpi).isEqualTo(finder.lineByLine(false));
                List<RuledBoxFinder.Segment> alongRows = finder.rowSegments();
                assertThat(alongRows).as(p + " rows at " + dpi).isEqualTo(finder.lineByLine(true));
                runs += byRow.size() + alongRows.size();
            }
        }
        assertThat(runs).as("runs compared").isGreaterThan(1000);
    }
}
