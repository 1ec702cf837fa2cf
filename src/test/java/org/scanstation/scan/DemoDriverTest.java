package org.scanstation.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.scan.driver.demo.DemoDriver;

class DemoDriverTest {

    @TempDir
    Path samples;

    @Test
    void feedsTheSamplePagesInNameOrder() throws Exception {
        TestPages.write(samples.resolve("03.png"), TestPages.png(3));
        TestPages.write(samples.resolve("01.jpg"), TestPages.jpeg(1));
        TestPages.tiff(samples.resolve("02.tif"), 2);
        ScanController controller = new ScanController(List.of(new DemoDriver(samples, Duration.ZERO)));
        List<ScannedImage> pages = new ArrayList<>();

        ScanResult result = controller.scan("demo", ScanOptions.defaults(), new CancelToken(),
                SaneDriverTest.pagesInto(pages));

        assertThat(result.pages()).isEqualTo(3);
        assertThat(pages).extracting(p -> TestPages.numberOf(p.image())).containsExactly(1, 2, 3);
        assertThat(pages).extracting(p -> p.metadata().deviceUri()).containsOnly("demo");
        assertThat(controller.listDevices().devices()).singleElement()
                .extracting(ScanDevice::name).asString().contains("sample pages from " + samples);
    }

    @Test
    void flatbedGivesOnePageAndColourModeIsHonoured() throws Exception {
        TestPages.write(samples.resolve("1.png"), TestPages.png(1));
        TestPages.write(samples.resolve("2.png"), TestPages.png(2));
        ScanController controller = new ScanController(List.of(new DemoDriver(samples, Duration.ZERO)));
        List<ScannedImage> pages = new ArrayList<>();

        controller.scan("demo", ScanOptions.defaults().withSource(PaperSource.FLATBED).withMode(ColorMode.LINEART),
                new CancelToken(), SaneDriverTest.pagesInto(pages));

        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.bilevel()).isTrue();
            assertThat(TestPages.numberOf(p.image())).isEqualTo(1);
        });
    }

    @Test
    void withoutSamplesItStillScansGeneratedPages() {
        ScanController controller = new ScanController(List.of(new DemoDriver(samples.resolve("missing"), Duration.ZERO)));
        List<ScannedImage> pages = new ArrayList<>();

        controller.scan("demo", ScanOptions.defaults(), new CancelToken(), SaneDriverTest.pagesInto(pages));

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    }
}
