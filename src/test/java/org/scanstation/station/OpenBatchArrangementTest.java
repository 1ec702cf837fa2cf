package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.model.PageStatus;

/**
 * The clerk arranges the open batch (order, where a document starts or joins, quarter turns, deleted
 * pages) on the real station; the documents follow the pipeline's rules and the filing rule, and the
 * arrangement comes back as it was left after the station is closed and opened again.
 */
class OpenBatchArrangementTest {

    private static String name(LivePage p) {
        return p.analysis().id().name();
    }

    @Test
    void whatTheClerkSaysAboutDocumentsNeverFilesAPageToAPatientItDoesNotShowAndSurvivesARestart(@TempDir Path dir)
            throws Exception {
        // patient A's labelled page; patient B's labelled page; B's unlabelled continuation page
        Path pages = Files.createDirectories(dir.resolve("pages"));
        for (String n : new String[]{"0001", "0004", "0007"}) {
            Files.copy(Path.of("samples/batch", n + ".jpg"), pages.resolve(n + ".jpg"));
        }
        try (Station station = StationFixture.open(dir, null, Runnable::run, Duration.ZERO)) {
            station.startScan("folder:" + pages, station.profiles().get(2), "chris");
            List<LivePage> scanned = station.openPages();
            assertThat(scanned).extracting(OpenBatchArrangementTest::name).containsExactly("0001.jpg", "0004.jpg", "0007.jpg");
            assertThat(scanned).extracting(LivePage::document).containsExactly(1, 2, 2);
            assertThat(scanned).extracting(LivePage::holdReason).containsOnlyNulls();
            int a = scanned.get(0).id();
            int b = scanned.get(1).id();
            int continuation = scanned.get(2).id();

            // "joins the previous document": A and B in one document, which the filing rule holds
            station.setBoundary(b, Station.Boundary.JOINS_PREVIOUS);
            assertThat(station.openPages()).extracting(LivePage::document).containsExactly(1, 1, 1);
            assertThat(station.openPages()).allSatisfy(p ->
                    assertThat(p.holdReason()).isEqualTo("pages of the document are filed to different patients"));
            station.setBoundary(b, Station.Boundary.AS_ANALYSED);

            // "starts a new document" on the unlabelled page: it is never filed to B without a person
            station.setBoundary(continuation, Station.Boundary.STARTS_NEW);
            LivePage alone = station.openPages().get(2);
            assertThat(alone.document()).isEqualTo(3);
            assertThat(alone.status()).isEqualTo(PageStatus.REVIEW);
            assertThat(alone.patient()).isNull();
            assertThat(alone.startsNew()).isTrue();

            // moved before B's page, then B deleted; A turned a quarter (read again, still upright and matched)
            station.movePages(List.of(continuation), 1);
            station.deletePages(List.of(b));
            station.turnPage(a, 90);
            List<LivePage> left = station.openPages();
            assertThat(left).extracting(OpenBatchArrangementTest::name).containsExactly("0001.jpg", "0007.jpg");
            assertThat(left.get(0).turned()).isEqualTo(90);
            assertThat(left.get(0).status()).isEqualTo(PageStatus.MATCHED);
            assertThat(left.get(0).analysis().rotation()).isEqualTo(scanned.get(0).analysis().rotation());
            assertThat(left.get(1).status()).isEqualTo(PageStatus.REVIEW);
            assertThat(station.batchTotals()).isEqualTo(new BatchTotals(2, 1, 1, 0, 0, 1, 2));
            station.finishForShutdown();
        }
        try (Station again = StationFixture.open(dir, null, Runnable::run, Duration.ZERO)) {
            again.start();
            List<LivePage> back = again.openPages();
            assertThat(back).extracting(OpenBatchArrangementTest::name).containsExactly("0001.jpg", "0007.jpg");
            assertThat(back).extracting(LivePage::turned).containsExactly(90, 0);
            assertThat(back).extracting(LivePage::startsNew).containsExactly(false, true);
            assertThat(back).extracting(LivePage::status).containsExactly(PageStatus.MATCHED, PageStatus.REVIEW);
            assertThat(again.batchTotals().deleted()).as("the deleted page is kept until filing").isEqualTo(1);
            assertThat(again.undoDelete()).contains("1 page");
            assertThat(again.openPages()).hasSize(3);
            again.deletePages(List.of(again.openPages().stream().filter(p -> name(p).equals("0004.jpg")).findFirst()
                    .orElseThrow().id()));

            again.fileBatch();
            assertThat(again.openPages()).isEmpty();
            assertThat(again.uploadLines()).extracting(UploadLine::state)
                    .containsExactly("waiting to upload", "held: waiting for review");
            assertThat(again.reviewQueue()).singleElement().satisfies(i -> assertThat(i.pages()).isEqualTo(1));
        }
    }
}
