package org.scanstation.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.scan.driver.escl.EsclDriver;

/**
 * The eSCL driver, over real HTTP, against {@link EsclTestScanner} serving capabilities recorded from
 * real devices (see src/test/resources/escl/README.md for the sources).
 */
class EsclDriverTest {

    private static List<byte[]> jpegPages(int count) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            pages.add(TestPages.jpeg(i));
        }
        return pages;
    }

    private static ScanController controller(String... configured) {
        return new ScanController(List.of(EsclDriver.withRetryPause(List.of(configured), Duration.ofSeconds(10),
                Duration.ofMillis(10))));
    }

    @Test
    void readsTheCapabilitiesOfRecordedDevices() throws Exception {
        try (EsclTestScanner canon = new EsclTestScanner("canon-mf642c.xml", List.of());
             EsclTestScanner ricoh = new EsclTestScanner("ricoh-sp-c261sfnw.xml", List.of());
             EsclTestScanner brother = new EsclTestScanner("brother-ds-940dw.xml", List.of());
             EsclTestScanner fujitsu = new EsclTestScanner("fujitsu-ix500-airsane.xml", List.of())) {
            ScanController c = controller(canon.uri(), ricoh.uri(), brother.uri(), fujitsu.uri());

            assertThat(c.listDevices().devices()).extracting(ScanDevice::name).containsExactly(
                    "MF642C/643C/644C", "RICOH SP C261SFNw", "DS-940DW", "FUJITSU ScanSnap iX500");

            ScanCapabilities canonCaps = c.capabilities(canon.uri());
            assertThat(canonCaps.sources()).containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.ADF);
            assertThat(canonCaps.resolutions()).containsExactly(300);
            assertThat(canonCaps.modes()).contains(ColorMode.GRAY, ColorMode.COLOR);
            assertThat(canonCaps.pageSizes()).contains(PageSize.A4, PageSize.LEGAL);

            ScanCapabilities ricohCaps = c.capabilities(ricoh.uri());
            assertThat(ricohCaps.sources()).containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.ADF, PaperSource.DUPLEX);
            assertThat(ricohCaps.resolutions()).containsExactly(300, 600);

            ScanCapabilities brotherCaps = c.capabilities(brother.uri());
            assertThat(brotherCaps.sources()).containsExactly(PaperSource.ADF); // sheet-fed: no platen
            assertThat(brotherCaps.bitDepths()).contains(1, 8);
            assertThat(brotherCaps.maxHeightMm()).isGreaterThan(3000); // long-document mode

            ScanCapabilities fujitsuCaps = c.capabilities(fujitsu.uri());
            assertThat(fujitsuCaps.sources()).containsExactlyInAnyOrder(PaperSource.ADF, PaperSource.DUPLEX);
            assertThat(fujitsuCaps.resolutions()).contains(150, 300, 600);
        }
    }

    @Test
    void scansTheFeederPageByPageWithSpecConformingSettings() throws Exception {
        try (EsclTestScanner ricoh = new EsclTestScanner("ricoh-sp-c261sfnw.xml", jpegPages(4))) {
            ricoh.warmUpRetries = 2; // the first NextDocument answers 503 twice while the lamp warms up
            List<ScannedImage> pages = new ArrayList<>();

            ScanResult result = controller().scan(ricoh.uri(), ScanOptions.defaults().withSource(PaperSource.DUPLEX)
                    .withResolution(300).withMode(ColorMode.GRAY), new CancelToken(), SaneDriverTest.pagesInto(pages));

            assertThat(result.pages()).isEqualTo(4);
            assertThat(pages).extracting(p -> TestPages.numberOf(p.image())).containsExactly(1, 2, 3, 4);
            assertThat(pages).allSatisfy(p -> {
                assertThat(p.dpi()).isEqualTo(300);
                assertThat(p.image().getType()).isEqualTo(java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            });
            assertThat(ricoh.postedSettings).singleElement().asString().contains(
                    "<pwg:InputSource>Feeder</pwg:InputSource>", "<scan:Duplex>true</scan:Duplex>",
                    "<scan:ColorMode>Grayscale8</scan:ColorMode>", "<scan:XResolution>300</scan:XResolution>",
                    "<scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt>",
                    "<pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>",
                    "<pwg:Width>2556</pwg:Width>", "<pwg:Height>4200</pwg:Height>");
            assertThat(ricoh.deletedJobs).isEmpty();
        }
    }

    @Test
    void aSheetFedScannerWithoutFormatsOrPlatenScansAndRefusesTheFlatbed() throws Exception {
        try (EsclTestScanner brother = new EsclTestScanner("brother-ds-940dw.xml", jpegPages(2))) {
            brother.absoluteLocation = true;
            List<ScannedImage> pages = new ArrayList<>();
            ScanController c = controller();

            c.scan(brother.uri(), ScanOptions.defaults().withMode(ColorMode.LINEART).withResolution(200),
                    new CancelToken(), SaneDriverTest.pagesInto(pages));

            assertThat(pages).hasSize(2).allSatisfy(p -> assertThat(p.bilevel()).isTrue());
            assertThat(brother.postedSettings.get(0)).contains("<scan:ColorMode>BlackAndWhite1</scan:ColorMode>",
                    "<scan:XResolution>200</scan:XResolution>");

            ScanException flatbed = catchThrowableOfType(ScanException.class, () -> c.scan(brother.uri(),
                    ScanOptions.defaults().withSource(PaperSource.FLATBED), new CancelToken(), e -> { }));
            assertThat(flatbed.error()).isEqualTo(ScanError.UNSUPPORTED_OPTION);
            assertThat(flatbed.getMessage()).contains("DS-940DW has no flatbed source");
        }
    }

    @Test
    void duplexOnASimplexScannerIsRefusedBeforeAnyJobIsSent() throws Exception {
        try (EsclTestScanner canon = new EsclTestScanner("canon-mf642c.xml", jpegPages(1))) {
            ScanException e = catchThrowableOfType(ScanException.class, () -> controller().scan(canon.uri(),
                    ScanOptions.defaults().withSource(PaperSource.DUPLEX), new CancelToken(), ev -> { }));
            assertThat(e.error()).isEqualTo(ScanError.UNSUPPORTED_OPTION);
            // a duplex job can wedge a simplex Canon until it is power-cycled (stapelberg/airscan issue 14)
            assertThat(canon.postedSettings).isEmpty();
        }
    }

    @Test
    void emptyFeederJamAndBusyAreDistinctErrors() throws Exception {
        try (EsclTestScanner canon = new EsclTestScanner("canon-mf642c.xml", jpegPages(5))) {
            ScanController c = controller();

            canon.adfState = "ScannerAdfEmpty";
            ScanException empty = catchThrowableOfType(ScanException.class, () ->
                    c.scan(canon.uri(), ScanOptions.defaults(), new CancelToken(), e -> { }));
            assertThat(empty.error()).isEqualTo(ScanError.NO_DOCUMENTS);

            canon.adfState = "ScannerAdfLoaded";
            canon.jamAfterPages = 2;
            List<ScannedImage> pages = new ArrayList<>();
            ScanException jam = catchThrowableOfType(ScanException.class, () ->
                    c.scan(canon.uri(), ScanOptions.defaults(), new CancelToken(), SaneDriverTest.pagesInto(pages)));
            assertThat(jam.error()).isEqualTo(ScanError.PAPER_JAM);
            assertThat(jam.pagesKept()).isEqualTo(2);
            assertThat(pages).hasSize(2);
            assertThat(jam.getMessage()).contains("Paper jam", "2 pages scanned before this were kept");

            canon.adfState = "ScannerAdfLoaded";
            canon.jamAfterPages = -1;
            canon.busy = true;
            ScanException busy = catchThrowableOfType(ScanException.class, () ->
                    c.scan(canon.uri(), ScanOptions.defaults(), new CancelToken(), e -> { }));
            assertThat(busy.error()).isEqualTo(ScanError.DEVICE_BUSY);
        }
    }

    @Test
    void cancelDeletesTheJobAndKeepsThePagesSoFar() throws Exception {
        try (EsclTestScanner canon = new EsclTestScanner("canon-mf642c.xml", jpegPages(10))) {
            canon.pageDelayMillis = 100;
            CancelToken cancel = new CancelToken();
            List<ScannedImage> pages = new ArrayList<>();

            ScanResult result = controller().scan(canon.uri(), ScanOptions.defaults(), cancel, e -> {
                SaneDriverTest.pagesInto(pages).accept(e);
                if (pages.size() == 2) {
                    cancel.cancel();
                }
            });

            assertThat(result.cancelled()).isTrue();
            assertThat(result.pages()).isEqualTo(pages.size()).isBetween(2, 4);
            assertThat(canon.deletedJobs).hasSize(1);
        }
    }

    @Test
    void anUnreachableScannerIsAConnectionError() throws Exception {
        int port = SanedProcess.freePort();
        ScanException e = catchThrowableOfType(ScanException.class, () -> controller().scan(
                "escl://127.0.0.1:" + port + "/eSCL", ScanOptions.defaults(), new CancelToken(), ev -> { }));
        assertThat(e.error()).isEqualTo(ScanError.CONNECTION_LOST);
        assertThat(e.getMessage()).contains("Cannot reach the scanner at escl://127.0.0.1:" + port);
    }
}
