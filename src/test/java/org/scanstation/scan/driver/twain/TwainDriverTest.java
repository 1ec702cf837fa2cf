package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.PageSize;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanArea;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;

/**
 * The TWAIN driver against a real TWAIN stack: the TWAIN Working Group's Data Source Manager and its
 * sample data source (a virtual scanner with a feeder), through the same DSM_Entry calls a Windows
 * station makes to TWAINDSM.dll. The feeder holds N sheets (CAP_XFERCOUNT=N) in each test.
 */
class TwainDriverTest {

    private static final DeviceUri DEVICE = DeviceUri.parse(TwainFixture.DEVICE);
    private static TwainDriver driver;
    private static final ExecutorService background = Executors.newCachedThreadPool();

    @BeforeAll
    static void fixture() {
        driver = TwainFixture.driver();
    }

    @AfterAll
    static void stop() {
        background.shutdownNow();
    }

    private static ScanOptions options(int dpi, ColorMode mode) {
        return ScanOptions.defaults().withResolution(dpi).withMode(mode);
    }

    private static CollectingSink scan(TwainDriver d, int sheets, ScanOptions options) throws InterruptedException {
        TwainFixture.feederHolds(sheets);
        CollectingSink sink = new CollectingSink();
        d.scan(DEVICE, options, new CancelToken(), sink);
        return sink;
    }

    @Test
    void listsTheVirtualScannerByItsProductName() {
        assertThat(driver.availability().available()).isTrue();
        List<ScanDevice> devices = driver.listDevices();
        assertThat(devices).containsExactly(new ScanDevice("twain:TWAIN2 Software Scanner",
                "TWAIN Working Group TWAIN2 Software Scanner (TWAIN)", "twain"));
    }

    @Test
    void readsEachCapabilitysConstraint() {
        ScanCapabilities caps = driver.capabilities(DEVICE);
        // ICAP_XRESOLUTION is an enumeration 50..600; ICAP_PIXELTYPE BW, GRAY, RGB; ICAP_BITDEPTH per pixel type
        assertThat(caps.resolutions()).containsExactly(50, 100, 150, 200, 300, 400, 500, 600);
        assertThat(caps.modes()).containsExactlyInAnyOrder(ColorMode.LINEART, ColorMode.GRAY, ColorMode.COLOR);
        assertThat(caps.bitDepths()).containsExactly(1, 8, 24);
        // CAP_FEEDERENABLED TRUE/FALSE; CAP_DUPLEX is TWDX_NONE, so no duplex
        assertThat(caps.sources()).containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.ADF);
        // ICAP_PHYSICALWIDTH/HEIGHT 8.5 x 14 in
        assertThat(caps.maxWidthMm()).isCloseTo(215.9, org.assertj.core.data.Offset.offset(0.1));
        assertThat(caps.maxHeightMm()).isCloseTo(355.6, org.assertj.core.data.Offset.offset(0.1));
        assertThat(caps.pageSizes()).contains(PageSize.A4, PageSize.LETTER, PageSize.LEGAL);
        assertThat(caps.summary()).isEqualTo("50-600 dpi; lineart, gray, color; 1/8/24 bit; flatbed, adf; up to 216 x 356 mm");
    }

    static Stream<Arguments> transfers() {
        List<Arguments> all = new ArrayList<>();
        for (TransferMode t : TransferMode.values()) {
            for (ColorMode m : ColorMode.values()) {
                for (int dpi : new int[]{100, 200, 300}) {
                    all.add(Arguments.of(t, m, dpi));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} transfer, {1}, {2} dpi")
    @MethodSource("transfers")
    void transfersAtThreeResolutionsAndThreePixelTypes(TransferMode transfer, ColorMode mode, int dpi) throws Exception {
        CollectingSink sink = scan(driver.withTransferMode(transfer), 2, options(dpi, mode));

        assertThat(sink.pages).hasSize(2);
        int type = switch (mode) {
            case LINEART -> BufferedImage.TYPE_BYTE_BINARY;
            case GRAY -> BufferedImage.TYPE_BYTE_GRAY;
            case COLOR -> BufferedImage.TYPE_INT_RGB;
        };
        for (CollectingSink.Page p : sink.pages) {
            assertThat(p.dpi()).as("the page carries the scanner's resolution").isEqualTo(dpi);
            assertThat(p.image().getType()).isEqualTo(type);
            LogoPage.assertIsTheLogo(p.image(), dpi);
            assertThat(p.thread()).as("pages are handed over on the driver's thread").doesNotStartWith("twain-session");
        }
        if (mode == ColorMode.COLOR) {
            LogoPage.assertColourful(sink.pages.get(0).image());
        }
        assertThat(sink.notices).isEmpty();
    }

    @Test
    void nativeAndMemoryTransfersGiveTheSamePixels() throws Exception {
        for (ColorMode mode : ColorMode.values()) {
            BufferedImage nat = scan(driver.withTransferMode(TransferMode.NATIVE), 1, options(150, mode)).pages.get(0).image();
            BufferedImage mem = scan(driver.withTransferMode(TransferMode.MEMORY), 1, options(150, mode)).pages.get(0).image();
            assertThat(mem.getWidth()).isEqualTo(nat.getWidth());
            assertThat(mem.getHeight()).isEqualTo(nat.getHeight());
            int differing = 0;
            for (int y = 0; y < nat.getHeight(); y++) {
                for (int x = 0; x < nat.getWidth(); x++) {
                    if (nat.getRGB(x, y) != mem.getRGB(x, y)) {
                        differing++;
                    }
                }
            }
            assertThat(differing).as(mode + ": pixels differing between native (TIFF) and memory (strips)").isZero();
        }
    }

    @Test
    void aTenSheetFeedGivesTenPagesInOrderAndTheSessionEnds() throws Exception {
        CollectingSink sink = scan(driver, 10, options(100, ColorMode.GRAY));
        assertThat(sink.pages).hasSize(10);
        assertThat(sink.alive.get()).as("progress signalled while pages arrive").isPositive();
        for (CollectingSink.Page p : sink.pages) {
            LogoPage.assertIsTheLogo(p.image(), 100);
        }
        // the session was closed: the same source opens again at once
        assertThat(scan(driver, 1, options(100, ColorMode.GRAY)).pages).hasSize(1);
    }

    @Test
    void cancelAfterSheetThreeKeepsTheThreePagesAndClosesTheSession() throws Exception {
        TwainFixture.feederHolds(10);
        CancelToken cancel = new CancelToken();
        CollectingSink sink = new CollectingSink(n -> {
            if (n == 3) {
                cancel.cancel();
            }
        });
        driver.scan(DEVICE, options(100, ColorMode.LINEART), cancel, sink);

        assertThat(sink.pages).hasSize(3);
        for (CollectingSink.Page p : sink.pages) {
            LogoPage.assertIsTheLogo(p.image(), 100);
        }
        assertThat(scan(driver, 2, options(100, ColorMode.LINEART)).pages).as("a new session after the cancel").hasSize(2);
    }

    @Test
    void cancelBeforeTheFirstPageEndsCleanly() throws Exception {
        TwainFixture.feederHolds(5);
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        CollectingSink sink = new CollectingSink();
        driver.scan(DEVICE, options(100, ColorMode.GRAY), cancel, sink);
        assertThat(sink.pages).isEmpty();
        assertThat(scan(driver, 1, options(100, ColorMode.GRAY)).pages).hasSize(1);
    }

    @Test
    void twoSessionsInOneJvmWithDifferentSettings() throws Exception {
        CollectingSink first = scan(driver.withTransferMode(TransferMode.NATIVE), 2, options(100, ColorMode.COLOR));
        ScanCapabilities caps = driver.capabilities(DEVICE);
        CollectingSink second = scan(driver.withTransferMode(TransferMode.MEMORY), 3, options(200, ColorMode.LINEART));

        assertThat(first.pages).hasSize(2).allSatisfy(p -> assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB));
        assertThat(caps.modes()).hasSize(3);
        assertThat(second.pages).hasSize(3).allSatisfy(p -> {
            assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
            assertThat(p.dpi()).isEqualTo(200);
        });
    }

    @Test
    void whileOneSessionIsOpenAnotherIsToldTheScannerIsBusy() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // more sheets than fit between the session's thread and the held sink: the session stays open
        TwainFixture.feederHolds(5);
        CollectingSink sink = new CollectingSink(n -> {
            if (n == 1) {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Future<?> scanning = background.submit(() -> {
            driver.scan(DEVICE, options(100, ColorMode.GRAY), new CancelToken(), sink);
            return null;
        });
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        ScanException busy = catchThrowableOfType(ScanException.class,
                () -> driver.withSessionWait(Duration.ofMillis(300)).capabilities(DEVICE));
        assertThat(busy.error()).isEqualTo(ScanError.DEVICE_BUSY);
        assertThat(busy.getMessage()).contains("Another TWAIN scan", "Wait a moment");

        release.countDown();
        scanning.get(60, TimeUnit.SECONDS);
        assertThat(sink.pages).hasSize(5);
        assertThat(driver.capabilities(DEVICE).modes()).hasSize(3);
    }

    @Test
    void aCapabilityTheSourceRefusesIsHandledAndReportedInWords() throws Exception {
        // the sample has CAP_DUPLEXENABLED with FALSE only: a duplex scan cannot be done and says why
        TwainFixture.feederHolds(3);
        CollectingSink sink = new CollectingSink();
        ScanException duplex = catchThrowableOfType(ScanException.class, () ->
                driver.scan(DEVICE, options(200, ColorMode.GRAY).withSource(PaperSource.DUPLEX), new CancelToken(), sink));
        assertThat(duplex.error()).isEqualTo(ScanError.UNSUPPORTED_OPTION);
        assertThat(duplex.getMessage()).isEqualTo("The scanner TWAIN2 Software Scanner cannot scan both sides of each"
                + " sheet (it refused duplex, CAP_DUPLEXENABLED): scan one side from the feeder (adf) instead.");
        assertThat(sink.pages).isEmpty();

        // 250 dpi is not in ICAP_XRESOLUTION's enumeration: the nearest higher one is used and the clerk is told
        CollectingSink adjusted = scan(driver, 1, options(250, ColorMode.GRAY));
        assertThat(adjusted.notices).containsExactly("The scanner does not offer 250 dpi: scanning at 300 dpi.");
        assertThat(adjusted.pages).hasSize(1);
        assertThat(adjusted.pages.get(0).dpi()).isEqualTo(300);
        LogoPage.assertIsTheLogo(adjusted.pages.get(0).image(), 300);
    }

    @Test
    void theFlatbedGivesOnePageWhateverTheFeederHolds() throws Exception {
        CollectingSink sink = scan(driver, 5, options(100, ColorMode.GRAY).withSource(PaperSource.FLATBED));
        assertThat(sink.pages).hasSize(1);
    }

    @Test
    void aPageSizeTheSourceDoesNotNameIsScannedAsAFrame() throws Exception {
        // the sample names letter and legal only: A4 is set as a frame (DAT_IMAGELAYOUT), 8.27 x 11.69 in
        CollectingSink sink = scan(driver, 1, options(100, ColorMode.GRAY).withArea(ScanArea.of(PageSize.A4)));
        BufferedImage img = sink.pages.get(0).image();
        assertThat(img.getWidth()).isEqualTo(826);
        assertThat(img.getHeight()).isEqualTo(1169);
        CollectingSink legal = scan(driver, 1, options(100, ColorMode.GRAY).withArea(ScanArea.of(PageSize.LEGAL)));
        assertThat(legal.pages.get(0).image().getHeight()).isEqualTo(1400);
    }

    @Test
    void anUnknownScannerNameSaysWhichOnesThereAre() {
        ScanException e = catchThrowableOfType(ScanException.class, () ->
                driver.scan(DeviceUri.parse("twain:Fujitsu fi-7160"), options(200, ColorMode.GRAY), new CancelToken(),
                        new CollectingSink()));
        assertThat(e.error()).isEqualTo(ScanError.DEVICE_NOT_FOUND);
        assertThat(e.getMessage()).contains("There is no TWAIN scanner called 'Fujitsu fi-7160'",
                "The TWAIN scanners here are: TWAIN2 Software Scanner.");
        assertThat(driver.capabilities(DeviceUri.parse("twain:twain2 software  SCANNER")).modes())
                .as("names match ignoring case and spaces").hasSize(3);
    }
}
