package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.store.AuditEvent;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/** The station facade on the real demo scanner, real analysis, real store and a real CMIS server. */
class StationTest {

    @TempDir
    static Path shared;
    static Station station;
    static Station.Parts parts;
    static List<LivePage> scanned;

    /** One scan of the demo batch for the whole class (analysis takes a few seconds). */
    @BeforeAll
    static void scanDemoBatch() {
        parts = StationFixture.parts(shared, InMemoryCmisServer.shared().browserUrl(), Runnable::run, Duration.ZERO);
        station = new Station(parts);
        station.start();
        station.startScan("demo", station.profiles().get(0));
        scanned = station.openPages();
    }

    @AfterAll
    static void close() throws Exception {
        station.close();
    }

    @Test
    void demoBatchIsAnalysedAsItArrivesAndFiledWithTwoDocumentsHeldForReview() throws Exception {
        assertThat(scanned).hasSize(14);
        assertThat(scanned).extracting(LivePage::status).containsOnly(PageStatus.values());
        assertThat(scanned.get(7).status()).isEqualTo(PageStatus.SEPARATOR);
        assertThat(scanned.get(8).status()).isEqualTo(PageStatus.REVIEW);
        assertThat(scanned).allSatisfy(p -> assertThat(p.thumbnail()).isNotNull());
        assertThat(station.hasWorkInFlight()).isTrue();

        station.fileBatch();
        assertThat(station.openPages()).isEmpty();
        List<ReviewItem> queue = station.reviewQueue();
        assertThat(queue).hasSize(2);
        assertThat(queue.get(0).reasons()).isNotEmpty();
        assertThat(queue.get(0).labelCrop()).isNotNull();
        assertThat(station.uploadLines()).extracting(UploadLine::state).contains("held: waiting for review");

        ReviewItem first = queue.get(0);
        assertThatThrownBy(() -> station.assign(first, station.searchPatients("a").get(0),
                new SignedInUser("chris", "clerk"))).isInstanceOf(StationException.class)
                .hasMessageContaining("supervisor");

        Patient chosen = station.searchPatients(station.searchPatients("a").get(0).familyName()).get(0);
        station.assign(first, chosen, StationFixture.supervisor());
        station.markUnidentifiable(station.reviewQueue().get(0), StationFixture.supervisor());
        assertThat(station.reviewQueue()).isEmpty();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (station.pendingUploads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(station.pendingUploads()).isZero();
        assertThat(station.isOnline()).isTrue();
        List<UploadLine> lines = station.uploadLines();
        assertThat(lines).filteredOn(l -> l.state().startsWith("uploaded")).hasSize(5);
        assertThat(lines).extracting(UploadLine::state).contains("held: unidentifiable, never uploaded");

        List<AuditEvent> decisions = parts.store().audit().events().stream()
                .filter(e -> "review-decision".equals(e.type())).toList();
        assertThat(decisions).extracting(AuditEvent::user).containsOnly(StationFixture.SUPERVISOR);
        assertThat(decisions).extracting(AuditEvent::decision).containsExactly("reassign", "unidentifiable");
        assertThat(decisions.get(0).patient()).isEqualTo(chosen.nhsNumber().digits());
    }
}
