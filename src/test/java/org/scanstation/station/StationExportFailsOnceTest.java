package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.StationConfig;
import org.scanstation.pdf.TinyFilesystem;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/**
 * The store's disk fills up while a batch is filed, so its PDFs cannot be stored (a real full tmpfs);
 * space is freed and the clerk tries again: each document reaches the real CMIS server exactly once.
 */
class StationExportFailsOnceTest {


    @TempDir
    Path dir;

    @Test
    void aFilingStoppedByAFullDiskAndTriedAgainUploadsEachDocumentExactlyOnce() throws Exception {
        Path pages = CorpusPages.into(dir);
        Path stationDir = dir.resolve("ward-" + System.nanoTime());
        Path store = Files.createDirectories(stationDir.resolve("store"));
        InMemoryCmisServer edms = InMemoryCmisServer.shared();
        StationConfig config = StationFixture.config(stationDir, edms.browserUrl(), CorpusPages.PATIENTS);
        try (TinyFilesystem disk = TinyFilesystem.mount(store, "size=40m");
             Station station = new Station(StationFixture.parts(config, Runnable::run, Duration.ZERO))) {
            List<String> notices = new ArrayList<>();
            station.addListener(new StationListener() {
                @Override
                public void notice(String text) {
                    notices.add(text);
                }
            });
            station.start();
            station.startScan("folder:" + pages, config.scanner().profiles().get(0), "chris");
            assertThat(station.openPages()).hasSize(CorpusPages.PAGES.size());

            Path filler = store.resolve("filler.bin");
            fillLeaving(filler, 48 * 1024);
            station.fileBatch();
            assertThat(notices).anyMatch(n -> n.startsWith("Batch filed, but not every document could be prepared"));
            assertThat(station.openPages()).as("the pages are filed, not back on the screen").isEmpty();
            assertThat(station.uploadLines()).extracting(UploadLine::state).containsOnly("being prepared");

            Files.delete(filler);
            station.retryNow();
            assertThat(station.uploadLines()).extracting(UploadLine::state).doesNotContain("being prepared");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (station.pendingUploads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(station.pendingUploads()).isZero();
            station.retryNow();
            station.fileBatch(); // filing again with nothing on the screen changes nothing
        }
        CmisInspector inspector = new CmisInspector(edms.browserUrl());
        List<String> root = List.of("ScanStationTest", stationDir.getFileName().toString());
        for (String nhs : List.of(CorpusPages.FIRST_PATIENT, CorpusPages.SECOND_PATIENT)) {
            List<String> folder = new ArrayList<>(root);
            folder.add(nhs);
            assertThat(inspector.documents(folder)).as("documents of patient " + nhs).hasSize(1);
        }
    }

    /** Fills the disk holding {@code filler} until only about {@code free} bytes are left. */
    private static void fillLeaving(Path filler, long free) throws Exception {
        long usable = Files.getFileStore(filler.getParent()).getUsableSpace();
        byte[] chunk = new byte[64 * 1024];
        long toWrite = usable - free;
        try (var out = Files.newOutputStream(filler, StandardOpenOption.CREATE_NEW)) {
            while (toWrite > 0) {
                int n = (int) Math.min(chunk.length, toWrite);
                out.write(chunk, 0, n);
                toWrite -= n;
            }
        }
    }
}
