package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.ViewModelTestSupport.SAME_THREAD;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.gui.review.ReviewViewModel;
import org.scanstation.gui.scan.PageTile;
import org.scanstation.gui.scan.ScanViewModel;
import org.scanstation.gui.upload.UploadQueueViewModel;
import org.scanstation.station.Station;
import org.scanstation.station.StationFixture;

/** The scan, review and upload-queue view models on a real (offline) station, everything on one thread. */
class ScanAndReviewViewModelTest {

    @TempDir
    Path dir;
    Station station;
    SessionViewModel session;
    ScanViewModel scan;
    ReviewViewModel review;
    UploadQueueViewModel uploads;
    String device;

    @BeforeEach
    void open() throws Exception {
        device = SmallBatch.into(dir);
        station = StationFixture.open(dir, null, SAME_THREAD, Duration.ZERO);
        session = new SessionViewModel(station.accounts(), "chris");
        scan = new ScanViewModel(station, session, SAME_THREAD, SAME_THREAD);
        review = new ReviewViewModel(station, session, SAME_THREAD, SAME_THREAD);
        uploads = new UploadQueueViewModel(station, SAME_THREAD, SAME_THREAD);
        scan.devices().add(new ScanViewModel.DeviceChoice(device, "test pages"));
        scan.deviceProperty().set(scan.devices().get(scan.devices().size() - 1));
    }

    @AfterEach
    void close() throws Exception {
        station.close();
    }

    @Test
    void scanShowsEveryPageWithStatusInWordsAndSymbolsAndTheBatchAsDocumentsPerPatient() {
        scan.scan();

        assertThat(scan.scanningProperty().get()).isFalse();
        assertThat(scan.pages()).extracting(PageTile::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(scan.pages()).extracting(t -> t.look().label())
                .containsExactly("\u2713 Matched", "\u25cb Blank", "\u2702 Separator", "? Needs review", "\u2713 Matched");
        assertThat(scan.pages().get(3).reason()).isNotBlank();
        assertThat(scan.documents()).hasSize(3);
        assertThat(scan.documents().get(1)).contains("Needs review");
        assertThat(scan.documents().get(0)).contains("Filed automatically").contains("NHS");
        assertThat(scan.analysisCountProperty().get()).isEqualTo("5 of 5");
        assertThat(scan.analysisProgressProperty().get()).isEqualTo(1.0);
        assertThat(scan.canFile().get()).isTrue();

        scan.selectedProperty().set(scan.pages().get(3));
        assertThat(scan.selectedTextProperty().get()).contains("Page 4").contains("Needs review").contains("Reason:");

        scan.deleteSelected();
        assertThat(scan.pages()).hasSize(4);
        assertThat(scan.messageProperty().get()).contains("Page 4 deleted");
    }

    @Test
    void reviewNeedsASupervisorAndADecisionLeavesTheQueueForTheUploadQueue() {
        scan.scan();
        scan.fileBatch();
        assertThat(scan.pages()).isEmpty();
        assertThat(scan.ocrCountProperty().get()).isEqualTo("2 of 2");

        review.refresh();
        assertThat(review.items()).hasSize(1);
        assertThat(review.selectedProperty().get()).isNotNull();
        assertThat(review.candidateTextProperty().get()).contains("not in the patient index");
        assertThat(review.reasonsTextProperty().get()).isNotBlank();
        assertThat(review.labelImageProperty().get()).isNotNull();
        assertThat(review.canDecide().get()).isFalse();

        review.markUnidentifiable();
        assertThat(review.messageProperty().get()).contains("supervisor");
        assertThat(review.items()).hasSize(1);

        assertThat(session.signIn("chris", StationFixture.PASSWORD.toCharArray())).isFalse();
        assertThat(session.signInErrorProperty().get()).contains("not a supervisor");
        assertThat(session.signIn(StationFixture.SUPERVISOR, "wrong".toCharArray())).isFalse();
        assertThat(session.signIn(StationFixture.SUPERVISOR, StationFixture.PASSWORD.toCharArray())).isTrue();
        assertThat(review.canDecide().get()).isTrue();
        assertThat(review.canAccept().get()).isFalse();

        review.queryProperty().set("zzzz-nobody");
        review.search();
        assertThat(review.messageProperty().get()).contains("No patient");
        review.assignChosen();
        assertThat(review.messageProperty().get()).contains("choose a patient");

        review.queryProperty().set(station.searchPatients("a").get(0).familyName());
        review.search();
        assertThat(review.results()).isNotEmpty();
        assertThat(review.chosenProperty().get()).isNotNull();
        review.assignChosen();
        assertThat(review.items()).isEmpty();
        assertThat(review.queueTextProperty().get()).isEqualTo("Nothing to review.");

        uploads.refresh();
        assertThat(uploads.lines()).hasSize(3).allSatisfy(l -> assertThat(l.state()).isEqualTo("waiting to upload"));
        assertThat(uploads.summaryProperty().get()).isEqualTo("0 uploaded, 3 waiting, 0 failed");
        assertThat(uploads.onlineProperty().get()).isFalse();
        assertThat(uploads.connectionProperty().get()).startsWith("\u25cb Offline");
    }

    @Test
    void sendingBackForRescanKeepsTheDocumentHeldAndSaysSo() {
        scan.scan();
        scan.fileBatch();
        review.refresh();
        session.signIn(StationFixture.SUPERVISOR, StationFixture.PASSWORD.toCharArray());
        review.sendForRescan();
        assertThat(review.items()).isEmpty();
        uploads.refresh();
        assertThat(uploads.lines()).extracting(l -> l.state()).contains("held: sent back for rescanning");
    }
}
