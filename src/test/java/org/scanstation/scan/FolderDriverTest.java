package org.scanstation.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.scan.driver.folder.FolderDriver;

class FolderDriverTest {

    @TempDir
    Path dir;

    private final ScanController controller = new ScanController(List.of(new FolderDriver()));

    @Test
    void importsEveryPageOfEveryFormatInNameOrderAndReportsWhatIsNotAPage() throws Exception {
        TestPages.write(dir.resolve("a-0001.jpg"), TestPages.jpeg(1));
        TestPages.tiff(dir.resolve("a-0002.tif"), 2, 3);
        TestPages.pdf(dir.resolve("a-0003.pdf"), 4, 5);
        TestPages.write(dir.resolve("a-0004.png"), TestPages.png(6));
        Files.writeString(dir.resolve("notes.txt"), "not a page", StandardCharsets.UTF_8);
        Files.write(dir.resolve("b-broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.writeString(dir.resolve(".hidden"), "ignored");
        List<ScannedImage> pages = new ArrayList<>();
        List<ScanEvent.InputRejected> rejected = new ArrayList<>();

        ScanResult result = controller.scan("folder:" + dir, ScanOptions.defaults(), new CancelToken(), e -> {
            if (e instanceof ScanEvent.PageScanned p) {
                pages.add(p.page());
            } else if (e instanceof ScanEvent.InputRejected r) {
                rejected.add(r);
            }
        });

        assertThat(result.pages()).isEqualTo(6);
        assertThat(pages).extracting(p -> TestPages.numberOf(p.image())).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(pages).extracting(p -> p.metadata().source()).containsExactly(
                "a-0001.jpg", "a-0002.tif#1", "a-0002.tif#2", "a-0003.pdf#1", "a-0003.pdf#2", "a-0004.png");
        assertThat(rejected).extracting(ScanEvent.InputRejected::source).containsExactly(".hidden", "b-broken.png",
                "notes.txt");
        assertThat(rejected.get(0).reason()).contains("hidden");
        assertThat(rejected.get(1).reason()).contains("PNG");
        assertThat(rejected.get(2).reason()).contains("not an image or PDF file");
    }

    @Test
    void scanimageBatchNamesAreImportedInNumberOrder() throws Exception {
        for (int i = 1; i <= 12; i++) {
            TestPages.write(dir.resolve("out" + i + ".png"), TestPages.png(i));
        }
        List<ScannedImage> pages = new ArrayList<>();
        controller.scan("folder:" + dir, ScanOptions.defaults(), new CancelToken(), e -> {
            if (e instanceof ScanEvent.PageScanned p) {
                pages.add(p.page());
            }
        });
        assertThat(pages).extracting(p -> TestPages.numberOf(p.image()))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void aFolderWhoseNumberingIsAmbiguousIsRefused() throws Exception {
        TestPages.write(dir.resolve("out01.png"), TestPages.png(1));
        TestPages.write(dir.resolve("out2.png"), TestPages.png(2));
        ScanException e = catchThrowableOfType(ScanException.class, () ->
                controller.scan("folder:" + dir, ScanOptions.defaults(), new CancelToken(), ev -> { }));
        assertThat(e.getMessage()).contains("ambiguous").contains("out01.png").contains("out2.png");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aTiffWhosePageChainLoopsIsImportedWithoutHanging() throws Exception {
        org.scanstation.image.InputFixtures.selfLoopingTiff(dir, "1-loop.tif");
        TestPages.write(dir.resolve("2.png"), TestPages.png(2));
        List<ScannedImage> pages = new ArrayList<>();
        List<ScanEvent.InputRejected> rejected = new ArrayList<>();
        controller.scan("folder:" + dir, ScanOptions.defaults(), new CancelToken(), e -> {
            if (e instanceof ScanEvent.PageScanned p) {
                pages.add(p.page());
            } else if (e instanceof ScanEvent.InputRejected r) {
                rejected.add(r);
            }
        });
        assertThat(pages).extracting(p -> p.metadata().source()).containsExactly("1-loop.tif#1", "2.png");
        assertThat(rejected).extracting(ScanEvent.InputRejected::source).containsExactly("1-loop.tif#2");
        assertThat(rejected.get(0).reason()).contains("points back");
    }

    @Test
    void aMissingOrEmptyFolderIsAClearError() throws Exception {
        ScanException missing = catchThrowableOfType(ScanException.class, () ->
                controller.scan("folder:" + dir.resolve("nope"), ScanOptions.defaults(), new CancelToken(), e -> { }));
        assertThat(missing.error()).isEqualTo(ScanError.DEVICE_NOT_FOUND);
        assertThat(missing.getMessage()).contains("does not exist");

        ScanException empty = catchThrowableOfType(ScanException.class, () ->
                controller.scan("folder:" + dir, ScanOptions.defaults(), new CancelToken(), e -> { }));
        assertThat(empty.error()).isEqualTo(ScanError.NO_DOCUMENTS);
    }

    @Test
    void scanToFolderCopiesAnImportedFolderWithItsResolution() throws Exception {
        TestPages.write(dir.resolve("1.png"), TestPages.png(1));
        TestPages.write(dir.resolve("2.png"), TestPages.png(2));
        Path out = dir.resolve("out");

        ScanToFolder.Result result = new ScanToFolder(controller)
                .scan("folder:" + dir, ScanOptions.defaults(), out, new CancelToken());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.pageFiles()).hasSize(2);
        assertThat(Files.readString(out.resolve("scan.json"))).contains("\"source\" : \"2.png\"", "\"outcome\" : \"completed\"");
        // the folder now holds a scan: scanning into it again is refused rather than mixed
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new ScanToFolder(controller)
                .scan("folder:" + dir, ScanOptions.defaults(), out, new CancelToken())))
                .hasMessageContaining("already holds a scan");
    }
}
