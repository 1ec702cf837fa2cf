package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.intake.PdfPageImages;
import org.scanstation.model.Patient;
import org.scanstation.store.DocumentState;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;

/**
 * A page fed upside down that needs review (its patient is not in the index): the supervisor files it
 * to a patient, and the PDF that goes to the EDMS shows it upright, as the analysis turned it.
 */
class SupervisorDecisionUprightTest {

    @TempDir
    Path dir;

    @Test
    void aPageThatNeededTurningIsFiledUprightAfterTheSupervisorsDecision() throws Exception {
        // the demo batch's page 0009 was fed upside down, and its patient is not in the index
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Path scanned = Files.copy(Path.of("samples/batch/0009.jpg"), pages.resolve("0009.jpg"));
        BufferedImage upright = PdfPageImages.upsideDown(ImageIO.read(scanned.toFile()));
        Station.Parts parts = StationFixture.parts(dir, null, Runnable::run, Duration.ZERO);
        try (Station station = new Station(parts)) {
            station.startScan("folder:" + pages, station.profiles().get(0), "chris");
            assertThat(station.openPages()).singleElement().satisfies(p -> {
                assertThat(p.analysis().rotation()).as("turned by the analysis").isEqualTo(180);
                assertThat(p.status().json()).isEqualTo("review");
            });
            station.fileBatch();
            List<ReviewItem> held = station.reviewQueue();
            assertThat(held).hasSize(1);
            assertThat(held.get(0).labelCrop()).as("the label shown to the reviewer").isNotNull();
            Patient chosen = station.searchPatients("a").get(0);
            station.assign(held.get(0), chosen, StationFixture.supervisor());
            assertThat(station.reviewQueue()).isEmpty();

            StoredBatch batch = parts.store().batches().get(0);
            StoredDocument doc = batch.documents().get(0);
            assertThat(doc.state()).isEqualTo(DocumentState.QUEUED);
            assertThat(doc.nhsNumber()).isEqualTo(chosen.nhsNumber().digits());
            BufferedImage filed = PdfPageImages.of(batch.readPdf(doc.index())).get(0);
            double toUpright = PdfPageImages.meanDifference(filed, upright);
            double toUpsideDown = PdfPageImages.meanDifference(filed, PdfPageImages.upsideDown(upright));
            assertThat(toUpright).as("filed upright (difference to the upright page vs the upside-down one)")
                    .isLessThan(toUpsideDown / 2);
        }
    }
}
