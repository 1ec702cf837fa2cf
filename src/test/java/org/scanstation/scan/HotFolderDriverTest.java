package org.scanstation.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.scan.driver.folder.HotFolderDriver;

/** A multi-function device writing into a share, played by a thread writing real files slowly. */
class HotFolderDriverTest {

    @TempDir
    Path share;

    private final ScanController controller = new ScanController(List.of(new HotFolderDriver(
            Duration.ofMillis(50), Duration.ofMillis(2500), Duration.ofMillis(1500))));

    @Test
    void picksUpCompletedFilesInOrderAndReportsDuplicatesAndNonImages() throws Exception {
        List<ScannedImage> pages = new ArrayList<>();
        List<ScanEvent.InputRejected> rejected = new ArrayList<>();

        CompletableFuture<Void> device = CompletableFuture.runAsync(() -> {
            try {
                pause(200);
                Files.write(share.resolve("scan-0001.png"), TestPages.png(1));
                pause(200);
                // a slow write: half the file, a pause of several polls, then the rest
                byte[] two = TestPages.png(2);
                try (OutputStream out = Files.newOutputStream(share.resolve("scan-0002.png"))) {
                    out.write(Arrays.copyOf(two, two.length / 2));
                    out.flush();
                    pause(400);
                    out.write(two, two.length / 2, two.length - two.length / 2);
                }
                pause(150);
                // written under a temporary name, then renamed
                Path tmp = Files.write(share.resolve("scan-0003.png.tmp"), TestPages.png(3));
                pause(200);
                Files.move(tmp, share.resolve("scan-0003.png"));
                pause(200);
                Files.write(share.resolve("scan-0004-copy.png"), TestPages.png(1)); // same bytes as page 1
                Files.writeString(share.resolve("scan-0005.log"), "device log, not an image");
                // a JPEG whose writer pauses half-way: JPEG decoders would show half a page
                byte[] six = TestPages.jpeg(6);
                try (OutputStream out = Files.newOutputStream(share.resolve("scan-0006.jpg"), StandardOpenOption.CREATE_NEW)) {
                    out.write(Arrays.copyOf(six, six.length / 2));
                    out.flush();
                    pause(400);
                    out.write(six, six.length / 2, six.length - six.length / 2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        ScanResult result = controller.scan("watch:" + share, ScanOptions.defaults(), new CancelToken(), e -> {
            if (e instanceof ScanEvent.PageScanned p) {
                pages.add(p.page());
            } else if (e instanceof ScanEvent.InputRejected r) {
                rejected.add(r);
            }
        });
        device.join();

        assertThat(result.cancelled()).isFalse();
        assertThat(pages).extracting(p -> TestPages.numberOf(p.image())).containsExactly(1, 2, 3, 6);
        assertThat(pages).extracting(p -> p.metadata().source())
                .containsExactly("scan-0001.png", "scan-0002.png", "scan-0003.png", "scan-0006.jpg");
        assertThat(rejected).extracting(ScanEvent.InputRejected::source)
                .containsExactlyInAnyOrder("scan-0004-copy.png", "scan-0005.log");
        assertThat(rejected).filteredOn(r -> r.source().endsWith("copy.png")).first()
                .extracting(ScanEvent.InputRejected::reason).asString().contains("duplicate", "scan-0001.png");
        assertThat(rejected).filteredOn(r -> r.source().endsWith(".log")).first()
                .extracting(ScanEvent.InputRejected::reason).asString().contains("not a JPEG, PNG, TIFF or PDF");
    }

    @Test
    void aDamagedImageIsReportedOnceItStopsChanging() throws Exception {
        byte[] png = TestPages.png(1);
        Files.write(share.resolve("damaged.png"), Arrays.copyOf(png, png.length / 3));
        List<ScanEvent.InputRejected> rejected = new ArrayList<>();

        ScanResult result = controller.scan("watch:" + share, ScanOptions.defaults(), new CancelToken(), e -> {
            if (e instanceof ScanEvent.InputRejected r) {
                rejected.add(r);
            }
        });

        assertThat(result.pages()).isZero();
        assertThat(rejected).singleElement().extracting(ScanEvent.InputRejected::reason).asString()
                .contains("damaged.png", "cannot be decoded");
    }

    @Test
    void cancelStopsWatching() throws Exception {
        HotFolderDriver patient = new HotFolderDriver(Duration.ofMillis(50), Duration.ofHours(1), Duration.ofSeconds(1));
        ScanController c = new ScanController(List.of(patient));
        CancelToken cancel = new CancelToken();
        Files.write(share.resolve("1.png"), TestPages.png(1));
        List<ScannedImage> pages = new ArrayList<>();

        ScanResult result = c.scan("watch:" + share, ScanOptions.defaults(), cancel, e -> {
            if (e instanceof ScanEvent.PageScanned p) {
                pages.add(p.page());
                cancel.cancel();
            }
        });

        assertThat(result.cancelled()).isTrue();
        assertThat(pages).hasSize(1);
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
