package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.ViewModelTestSupport.SAME_THREAD;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.gui.review.ReviewViewModel;
import org.scanstation.gui.scan.PageTile;
import org.scanstation.gui.scan.ScanViewModel;
import org.scanstation.gui.upload.UploadQueueViewModel;
import org.scanstation.station.BatchTotals;
import org.scanstation.station.Station;
import org.scanstation.station.StationFixture;
import org.scanstation.station.UploadLine;

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
        uploads = new UploadQueueViewModel(station, session, SAME_THREAD, SAME_THREAD);
        useDevice(device);
    }

    /** Scans; the first profile asks for duplex, which the folder scanner cannot do: the warning is accepted. */
    private void scanNow() {
        scan.scan();
        if (scan.pendingProperty().get() != null) {
            assertThat(scan.pendingProperty().get().question()).contains("cannot scan both sides");
            scan.confirm();
        }
    }

    private void useDevice(String uri) {
        scan.devices().add(new ScanViewModel.DeviceChoice(uri, uri));
        scan.deviceProperty().set(scan.devices().get(scan.devices().size() - 1));
    }

    @AfterEach
    void close() throws Exception {
        station.close();
    }

    @Test
    void pagesShowTheirStatusInWordsTheBatchAddsUpAndADeletedPageAsksAndComesBackWithUndo() {
        assertThat(scan.profileWarningProperty().get()).as("a warning before scanning, not a passing line")
                .contains("cannot scan both sides");
        scan.scan();
        assertThat(scan.pages()).as("nothing scanned before the warning is answered").isEmpty();
        scan.confirm();

        assertThat(scan.scanningProperty().get()).isFalse();
        assertThat(scan.pages()).extracting(PageTile::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(scan.pages()).extracting(t -> t.look().label())
                .containsExactly("\u2713 Matched", "\u25cb Blank", "\u2702 Separator", "? Needs review", "\u2713 Matched");
        assertThat(scan.pages().get(3).reason()).isNotBlank().doesNotContain(";").startsWith("\u2717");
        assertThat(scan.documents()).hasSize(3);
        assertThat(scan.documents().get(1)).contains("Needs review");
        assertThat(scan.documents().get(0)).contains("Filed automatically").contains("NHS");
        assertThat(scan.totalsProperty().get()).isEqualTo(new BatchTotals(5, 2, 1, 1, 1, 0, 3));
        assertThat(scan.totalsTextProperty().get())
                .isEqualTo("5 pages scanned = 2 filed automatically + 1 for review + 1 blank + 1 separator  (3 documents)");
        assertThat(scan.canFile().get()).isTrue();

        // the page is shown whole, with its label marked
        scan.select(0);
        assertThat(scan.viewer().imageProperty().get()).isNotNull();
        assertThat(scan.viewer().marks()).isNotEmpty();
        assertThat(scan.viewer().legend()).anyMatch(l -> l.contains("Label") || l.contains("Barcode"));
        assertThat(scan.selectedTextProperty().get()).contains("Page 1").contains("Matched");

        scan.select(3);
        scan.deleteSelected();
        assertThat(scan.pages()).as("nothing deleted before it is confirmed").hasSize(5);
        assertThat(scan.pendingProperty().get().question()).isEqualTo("Delete page 4 from this batch?");
        scan.confirm();
        assertThat(scan.pages()).hasSize(4);
        assertThat(scan.messageProperty().get()).contains("Page 4 deleted");
        assertThat(scan.totalsProperty().get()).isEqualTo(new BatchTotals(4, 2, 0, 1, 1, 1, 2));
        assertThat(scan.totalsTextProperty().get()).contains("1 deleted");

        scan.undoDelete();
        assertThat(scan.pages()).extracting(t -> t.look().label()).element(3).isEqualTo("? Needs review");
        assertThat(scan.totalsProperty().get().deleted()).isZero();
    }

    @Test
    void aRescannedPageTakesThePlaceOfThePageItReplacesNotTheEndOfTheBatch() throws Exception {
        scanNow();
        assertThat(scan.pages()).hasSize(5);
        String replaced = scan.pages().get(3).patient();
        scan.select(3);
        scan.rescanSelected();
        assertThat(scan.rescanTextProperty().get()).startsWith("Page 4 waits for its rescan");
        assertThat(scan.pages().get(3).marks()).contains("waiting for its rescan");

        // the sheet fed again: here, the first page of the batch (a labelled page of another patient)
        Path again = Files.createDirectories(dir.resolve("again"));
        Files.copy(Path.of("samples/batch/0001.jpg"), again.resolve("0001-again.jpg"));
        useDevice("folder:" + again);
        scanNow();

        assertThat(scan.pages()).hasSize(5);
        assertThat(scan.pages()).extracting(t -> t.look().label())
                .containsExactly("\u2713 Matched", "\u25cb Blank", "\u2702 Separator", "\u2713 Matched", "\u2713 Matched");
        assertThat(scan.pages().get(3).patient()).isNotEqualTo(replaced).isEqualTo(scan.pages().get(0).patient());
        assertThat(scan.rescanTextProperty().get()).isEmpty();
        assertThat(scan.totalsProperty().get()).satisfies(t -> {
            assertThat(t.scanned()).isEqualTo(5);
            assertThat(t.deleted()).as("the replaced page is kept until filing: Undo brings it back").isEqualTo(1);
            assertThat(t.reconciles()).isTrue();
        });
    }

    @Test
    void aDecisionNamesThePatientIsConfirmedFirstAndCanBeUndoneUntilUpload() {
        scanNow();
        scan.fileBatch();
        assertThat(scan.pages()).isEmpty();
        assertThat(scan.ocrCountProperty().get()).isEqualTo("2 of 2 pages");

        review.refresh();
        assertThat(review.items()).hasSize(1);
        assertThat(review.selectedProperty().get()).isNotNull();
        assertThat(review.candidateLines()).singleElement().asString().contains("not in the patient index");
        assertThat(review.againstTextProperty().get()).startsWith("\u2717");
        assertThat(review.viewer().imageProperty().get()).as("the whole page").isNotNull();
        assertThat(review.viewer().pageTextProperty().get()).isEqualTo("Page 1 of 1");
        assertThat(review.canDecide().get()).isFalse();

        review.markUnidentifiable();
        assertThat(review.messageProperty().get()).contains("supervisor");
        assertThat(review.pendingProperty().get()).isNull();

        assertThat(session.signIn("chris", StationFixture.PASSWORD.toCharArray())).isFalse();
        assertThat(session.signInErrorProperty().get()).contains("not a supervisor");
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
        assertThat(review.chosenProperty().get()).as("nothing is chosen for the supervisor").isNull();
        ReviewViewModel.PatientRow row = review.results().get(0);
        review.chosenProperty().set(row);
        review.assignChosen();
        assertThat(review.items()).as("not filed before it is confirmed").hasSize(1);
        Confirmation asked = review.pendingProperty().get();
        assertThat(asked.facts()).contains(row.patient().displayName());
        assertThat(asked.facts()).anyMatch(f -> f.startsWith("NHS number " + row.patient().nhsNumber().formatted()));
        assertThat(asked.facts()).anyMatch(f -> f.startsWith("Born " + row.born()));
        assertThat(asked.facts()).anyMatch(f -> f.startsWith("Hospital number " + row.patient().mrn()));
        assertThat(asked.picture()).as("the page beside the patient").isNotNull();
        review.confirm();
        assertThat(review.items()).isEmpty();
        assertThat(review.decisionMessageProperty().get()).contains(row.patient().displayName())
                .contains(row.patient().nhsNumber().formatted());
        assertThat(review.decided()).singleElement().satisfies(d -> {
            assertThat(d.patient()).isEqualTo(row.patient());
            assertThat(d.by()).isEqualTo(StationFixture.SUPERVISOR);
        });

        review.undoLast();
        assertThat(review.items()).as("back for review").hasSize(1);
        assertThat(review.items().get(0).candidate()).as("with the candidate it had before").isNull();
        assertThat(review.decided()).isEmpty();
        assertThat(review.decisionMessageProperty().get()).contains("was undone");

        uploads.refresh();
        assertThat(uploads.lines()).extracting(UploadLine::state)
                .containsExactly("waiting to upload", "held: waiting for review", "waiting to upload");
        assertThat(uploads.patientShown(uploads.lines().get(0))).contains("NHS");
        session.signOut();
        assertThat(uploads.patientShown(uploads.lines().get(0))).isEqualTo(UploadQueueViewModel.SUPERVISOR_ONLY);
        assertThat(uploads.summaryProperty().get()).isEqualTo("0 uploaded, 2 waiting, 0 failed, 1 held here");
        assertThat(uploads.onlineProperty().get()).isFalse();
        assertThat(uploads.connectionProperty().get()).startsWith("\u25cb Offline");
    }

    @Test
    void sendingBackForRescanIsAToDoForTheClerkNamingTheDocumentAndItsSheets() {
        scanNow();
        scan.fileBatch();
        review.refresh();
        session.signIn(StationFixture.SUPERVISOR, StationFixture.PASSWORD.toCharArray());
        review.sendForRescan();
        review.confirm();
        assertThat(review.items()).isEmpty();
        assertThat(review.decisionMessageProperty().get()).contains("sent back for rescanning").contains("1 sheet");

        scan.refreshRescans();
        assertThat(scan.rescans()).singleElement().satisfies(r -> {
            assertThat(r.name()).startsWith("document 2 of batch");
            assertThat(r.sheets()).containsExactly("sheet 4 of the batch (0009.jpg)");
            assertThat(r.by()).isEqualTo(StationFixture.SUPERVISOR);
        });
        uploads.refresh();
        assertThat(uploads.lines()).extracting(UploadLine::state).contains("held: sent back for rescanning");

        scan.markRescanned(scan.rescans().get(0));
        assertThat(scan.rescans()).isEmpty();
        assertThat(review.decided()).as("a rescanned document's decision can no longer be undone").isEmpty();
        uploads.refresh();
        assertThat(uploads.lines()).extracting(UploadLine::state).contains("held: rescanned, never uploaded");
        assertThat(List.copyOf(uploads.lines())).noneMatch(l -> l.state().equals("held: sent back for rescanning"));
    }
}
