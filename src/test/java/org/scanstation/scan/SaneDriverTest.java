package org.scanstation.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.scan.driver.sane.SaneAddress;
import org.scanstation.scan.driver.sane.SaneDriver;

/**
 * The SANE driver against a real saned with SANE's test backend on 127.0.0.1 (its ADF holds 10
 * pages). Tests that kill or freeze saned start their own.
 */
class SaneDriverTest {

    /** A small area keeps pages quick; the benchmark scans full pages. */
    private static final ScanArea SMALL = new ScanArea(0, 0, 60, 80);
    private static SanedProcess saned;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSaned() throws Exception {
        saned = SanedProcess.startOrSkip();
    }

    @AfterAll
    static void stopSaned() {
        if (saned != null) {
            saned.stop();
        }
    }

    private static ScanController controller(int port, Map<String, String> backendOptions) {
        SaneDriver driver = new SaneDriver(List.of(new SaneAddress.HostPort("127.0.0.1", port)),
                Duration.ofSeconds(3), Duration.ofSeconds(30)).withBackendOptions(backendOptions);
        return new ScanController(List.of(driver));
    }

    private static ScanOptions adf(ColorMode mode) {
        return ScanOptions.defaults().withSource(PaperSource.ADF).withMode(mode).withResolution(300).withArea(SMALL);
    }

    @Test
    void listsBothTestDevicesWithTheirCapabilities() {
        ScanController controller = controller(saned.port, Map.of());

        DeviceListing listing = controller.listDevices();

        assertThat(listing.devices()).extracting(ScanDevice::uri)
                .contains(saned.uri("test:0"), saned.uri("test:1"));
        ScanCapabilities caps = controller.capabilities(saned.uri("test:0"));
        assertThat(caps.modes()).contains(ColorMode.GRAY, ColorMode.COLOR, ColorMode.LINEART);
        assertThat(caps.sources()).contains(PaperSource.FLATBED, PaperSource.ADF);
        assertThat(caps.bitDepths()).contains(1, 8, 16);
        assertThat(caps.resolutions()).contains(300);
        // the test backend's glass is 200 x 200 mm: no A4 or A5 fits
        assertThat(caps.maxWidthMm()).isEqualTo(200.0);
        assertThat(caps.maxHeightMm()).isEqualTo(200.0);
        assertThat(caps.pageSizes()).doesNotContain(PageSize.A4, PageSize.A5);
        assertThat(caps.summary()).isEqualTo("75-1200 dpi; lineart, gray, color; 1/8/16 bit; flatbed, adf; up to 200 x 200 mm");
    }

    @Test
    void scansTenGreyPagesFromTheFeederIntoAFolderWithMetadata() throws Exception {
        Path out = tmp.resolve("grey");

        ScanToFolder.Result result = new ScanToFolder(controller(saned.port, Map.of()))
                .scan(saned.uri("test:0"), adf(ColorMode.GRAY), out, new CancelToken());

        assertThat(result.failure()).isNull();
        assertThat(result.pageFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("0001.png", "0002.png", "0003.png", "0004.png", "0005.png",
                        "0006.png", "0007.png", "0008.png", "0009.png", "0010.png");
        BufferedImage first = ImageIO.read(result.pageFiles().get(0).toFile());
        assertThat(first.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        // 60 x 80 mm at 300 dpi
        assertThat(first.getWidth()).isBetween(705, 711);
        assertThat(first.getHeight()).isBetween(942, 948);
        JsonNode json = new ObjectMapper().readTree(out.resolve("scan.json").toFile());
        assertThat(json.get("outcome").asText()).isEqualTo("completed");
        assertThat(json.get("device").asText()).isEqualTo(saned.uri("test:0"));
        assertThat(json.get("options").get("mode").asText()).isEqualTo("gray");
        assertThat(json.get("pages")).hasSize(10);
        assertThat(json.get("pages").get(9).get("page").asInt()).isEqualTo(10);
        assertThat(json.get("pages").get(0).get("dpi").asInt()).isEqualTo(300);
    }

    @Test
    void pageFilesRecordTheirResolutionForWhoeverReadsThemNext() throws Exception {
        Path out = tmp.resolve("150dpi");
        SaneDriver sane = new SaneDriver(List.of(new SaneAddress.HostPort("127.0.0.1", saned.port)),
                Duration.ofSeconds(3), Duration.ofSeconds(30));
        ScanController c = new ScanController(List.of(sane, new org.scanstation.scan.driver.folder.FolderDriver()));
        new ScanToFolder(c).scan(saned.uri("test:0"), adf(ColorMode.GRAY).withResolution(150)
                .withSource(PaperSource.FLATBED), out, new CancelToken());

        List<ScannedImage> reread = new ArrayList<>();
        c.scan("folder:" + out, ScanOptions.defaults(), new CancelToken(), pagesInto(reread));

        assertThat(reread).singleElement().extracting(ScannedImage::dpi).isEqualTo(150);
    }

    @Test
    void scansTenColourPagesAsRgb() {
        List<ScannedImage> pages = new ArrayList<>();
        ScanResult result = controller(saned.port, Map.of("test-picture", "Color pattern"))
                .scan(saned.uri("test:1"), adf(ColorMode.COLOR), new CancelToken(), pagesInto(pages));

        assertThat(result.pages()).isEqualTo(10);
        assertThat(pages).extracting(ScannedImage::pageNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        BufferedImage img = pages.get(4).image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(distinctColours(img)).as("the colour pattern has several colours").isGreaterThan(3);
        assertThat(pages.get(0).metadata().options().mode()).isEqualTo(ColorMode.COLOR);
    }

    @Test
    void lineartComesBackBilevel() {
        List<ScannedImage> pages = new ArrayList<>();
        controller(saned.port, Map.of()).scan(saned.uri("test:0"),
                adf(ColorMode.LINEART).withSource(PaperSource.FLATBED), new CancelToken(), pagesInto(pages));

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).bilevel()).isTrue();
    }

    @Test
    void cancelInTheMiddleKeepsThePagesSoFarAndReleasesTheScanner() {
        ScanController controller = controller(saned.port, Map.of());
        CancelToken cancel = new CancelToken();
        List<ScannedImage> pages = new ArrayList<>();

        ScanResult result = controller.scan(saned.uri("test:0"), adf(ColorMode.GRAY), cancel, event -> {
            pagesInto(pages).accept(event);
            if (pages.size() == 3) {
                cancel.cancel();
            }
        });

        assertThat(result.cancelled()).isTrue();
        assertThat(result.pages()).isEqualTo(pages.size()).isBetween(3, 9);
        // the device was released: the next scan gets a full feeder
        List<ScannedImage> again = new ArrayList<>();
        ScanResult next = controller.scan(saned.uri("test:0"), adf(ColorMode.GRAY), new CancelToken(), pagesInto(again));
        assertThat(next.cancelled()).isFalse();
        assertThat(again).hasSize(10);
    }

    @Test
    void cancelDuringASlowPageStopsTheReadAndTheNextScanWorks() {
        // the test backend pauses 20 ms between data records: a page takes a few hundred ms
        Map<String, String> slowReads = new java.util.LinkedHashMap<>();
        slowReads.put("read-delay", "yes");
        slowReads.put("read-delay-duration", "20000");
        slowReads.put("read-limit", "yes");
        slowReads.put("read-limit-size", "4096");
        ScanController slow = controller(saned.port, slowReads);
        CancelToken cancel = new CancelToken();
        List<ScannedImage> pages = new ArrayList<>();
        ScanOptions options = adf(ColorMode.GRAY).withArea(new ScanArea(0, 0, 40, 40));

        ScanResult result = slow.scan(saned.uri("test:1"), options, cancel, event -> {
            pagesInto(pages).accept(event);
            cancel.cancel(); // while the driver is already reading page 2
        });

        assertThat(result.cancelled()).isTrue();
        assertThat(pages).hasSize(1);
        List<ScannedImage> again = new ArrayList<>();
        controller(saned.port, Map.of()).scan(saned.uri("test:1"), adf(ColorMode.GRAY), new CancelToken(), pagesInto(again));
        assertThat(again).hasSize(10);
    }

    @Test
    void reportsJamCoverOpenAndEmptyFeederAsDistinctErrors() {
        assertThat(failureWith("SANE_STATUS_JAMMED").error()).isEqualTo(ScanError.PAPER_JAM);
        assertThat(failureWith("SANE_STATUS_COVER_OPEN").error()).isEqualTo(ScanError.COVER_OPEN);
        assertThat(failureWith("SANE_STATUS_DEVICE_BUSY").error()).isEqualTo(ScanError.DEVICE_BUSY);
        ScanException noDocs = failureWith("SANE_STATUS_NO_DOCS");
        assertThat(noDocs.error()).isEqualTo(ScanError.NO_DOCUMENTS);
        assertThat(noDocs.getMessage()).contains("No paper in the document feeder");
    }

    private ScanException failureWith(String saneStatus) {
        ScanController controller = controller(saned.port, Map.of("read-return-value", saneStatus));
        return catchThrowableOfType(ScanException.class, () -> controller.scan(saned.uri("test:0"),
                adf(ColorMode.GRAY), new CancelToken(), e -> { }));
    }

    @Test
    void unknownDeviceAndUnsupportedSourceAreClearErrors() {
        ScanController controller = controller(saned.port, Map.of());
        ScanException unknown = catchThrowableOfType(ScanException.class, () -> controller.scan(
                saned.uri("nosuch:0"), adf(ColorMode.GRAY), new CancelToken(), e -> { }));
        assertThat(unknown.error()).isEqualTo(ScanError.DEVICE_NOT_FOUND);
        assertThat(unknown.getMessage()).contains("nosuch:0");

        ScanException duplex = catchThrowableOfType(ScanException.class, () -> controller.scan(
                saned.uri("test:0"), adf(ColorMode.GRAY).withSource(PaperSource.DUPLEX), new CancelToken(), e -> { }));
        assertThat(duplex.error()).isEqualTo(ScanError.UNSUPPORTED_OPTION);
        assertThat(duplex.getMessage()).contains("no duplex source", "Automatic Document Feeder");
    }

    @Test
    void sanedKilledDuringAScanIsAClearErrorAndTheNextScanWorksAfterRestart() throws Exception {
        int port = SanedProcess.freePort();
        SanedProcess own = SanedProcess.startOwnOrSkip(port);
        try {
            ScanController controller = controller(port, Map.of());
            List<ScannedImage> pages = new ArrayList<>();

            ScanException failure = catchThrowableOfType(ScanException.class, () ->
                    controller.scan(own.uri("test:0"), adf(ColorMode.GRAY), new CancelToken(), event -> {
                        pagesInto(pages).accept(event);
                        if (pages.size() == 3) {
                            own.kill();
                        }
                    }));

            assertThat(failure.error()).isEqualTo(ScanError.CONNECTION_LOST);
            assertThat(failure.getMessage()).contains("connection", "lost");
            assertThat(failure.pagesKept()).isEqualTo(pages.size()).isBetween(3, 9);
            assertThat(failure.getMessage()).contains("were kept");

            own.close();
            try (SanedProcess restarted = SanedProcess.startOwnOrSkip(port)) {
                List<ScannedImage> again = new ArrayList<>();
                controller.scan(restarted.uri("test:0"), adf(ColorMode.GRAY), new CancelToken(), pagesInto(again));
                assertThat(again).hasSize(10);
            }
        } finally {
            own.close();
        }
    }

    @Test
    void aHungScannerBecomesATimeOutWhileTheCallerStaysResponsive() throws Exception {
        int port = SanedProcess.freePort();
        try (SanedProcess own = SanedProcess.startOwnOrSkip(port)) {
            ScanController controller = controller(port, Map.of());
            List<ScannedImage> pages = new ArrayList<>();
            ScanOptions options = adf(ColorMode.GRAY).withPageTimeout(Duration.ofSeconds(1));

            ScanException failure = catchThrowableOfType(ScanException.class, () ->
                    controller.scan(own.uri("test:0"), options, new CancelToken(), event -> {
                        pagesInto(pages).accept(event);
                        if (pages.size() == 2) {
                            try {
                                own.signalChildren("STOP");
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }));

            assertThat(failure.error()).isEqualTo(ScanError.TIMED_OUT);
            assertThat(failure.getMessage()).contains("sent nothing for 1 s");
            assertThat(failure.pagesKept()).isEqualTo(pages.size()).isGreaterThanOrEqualTo(2);
            own.signalChildren("CONT");
        }
    }

    static ScanEventSink pagesInto(List<ScannedImage> pages) {
        return event -> {
            if (event instanceof ScanEvent.PageScanned p) {
                pages.add(p.page());
            }
        };
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
