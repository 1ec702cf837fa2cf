package org.scanstation.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade with every real driver, as the station builds it. */
class ScanControllerTest {

    @TempDir
    Path samples;

    private ScanController stationWithNoSaned() throws Exception {
        int unusedPort = SanedProcess.freePort();
        return ScanDrivers.controller(ScanDrivers.Settings.defaults()
                .withSaneServers(List.of("127.0.0.1:" + unusedPort))
                .withSamples(samples, Duration.ZERO)
                .withTwainDsm(samples.resolve("no-such-twaindsm.so").toString()));
    }

    @Test
    void listsWhatEachDriverFindsAndSaysWhyOthersFoundNothing() throws Exception {
        DeviceListing listing = stationWithNoSaned().listDevices();

        assertThat(listing.devices()).extracting(ScanDevice::uri).contains("demo");
        assertThat(listing.notes()).anySatisfy(n -> {
            assertThat(n.driver()).isEqualTo("sane");
            assertThat(n.message()).contains("Cannot connect to the scanner server", "saned");
        });
        assertThat(listing.notes()).anySatisfy(n -> {
            assertThat(n.driver()).isEqualTo("twain");
            assertThat(n.message()).contains("the TWAIN Data Source Manager", "no-such-twaindsm.so", "could not be loaded");
        });
    }

    @Test
    void twainWithoutItsManagerIsAReadableErrorNotAFakeDevice() throws Exception {
        ScanException e = catchThrowableOfType(ScanException.class, () -> stationWithNoSaned()
                .scan("twain:Any Scanner", ScanOptions.defaults(), new CancelToken(), ev -> { }));
        assertThat(e.error()).isEqualTo(ScanError.DRIVER_UNAVAILABLE);
        assertThat(e.getMessage()).contains("could not be loaded", "SCANSTATION_TWAIN_DSM", "scanner.twainDsm");
    }

    @Test
    void unknownOrMalformedDeviceUrisAreExplained() throws Exception {
        ScanController c = stationWithNoSaned();
        ScanException unknown = catchThrowableOfType(ScanException.class, () ->
                c.scan("usb:1", ScanOptions.defaults(), new CancelToken(), ev -> { }));
        assertThat(unknown.error()).isEqualTo(ScanError.INVALID_DEVICE);
        assertThat(unknown.getMessage()).contains("No scanner driver for 'usb:1'", "sane", "escl", "folder", "watch", "demo");

        ScanException badSane = catchThrowableOfType(ScanException.class, () ->
                c.scan("sane://127.0.0.1", ScanOptions.defaults(), new CancelToken(), ev -> { }));
        assertThat(badSane.getMessage()).contains("sane://HOST[:PORT]/DEVICE");
    }

    @Test
    void demoScanIntoAFolderWritesPagesAndMetadata() throws Exception {
        TestPages.write(samples.resolve("a.png"), TestPages.png(1));
        TestPages.write(samples.resolve("b.png"), TestPages.png(2));
        Path out = samples.resolve("out");

        ScanToFolder.Result r = new ScanToFolder(stationWithNoSaned()).scan("demo", ScanOptions.defaults(), out,
                new CancelToken());

        assertThat(r.succeeded()).isTrue();
        assertThat(out.resolve("0001.png")).exists();
        assertThat(out.resolve("0002.png")).exists();
        assertThat(out.resolve("scan.json")).content().contains("\"device\" : \"demo\"", "\"driver\" : \"demo\"");
    }
}
