package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a batch's input folders stand for: their page files in feeder order, and a word for the rest. */
class InputFilesTest {

    @TempDir
    Path dir;

    private static List<String> names(BatchInputs in) {
        return in.files().stream().map(p -> p.getFileName().toString()).toList();
    }

    private void touch(String... names) throws Exception {
        for (String n : names) {
            Files.writeString(dir.resolve(n), "x");
        }
    }

    @Test
    void scanimageBatchNamesAreReadInNumberOrder() throws Exception {
        for (int i = 1; i <= 61; i++) {
            touch("out" + i + ".png");
        }
        List<String> order = names(InputFiles.expand(List.of(dir)));
        assertThat(order).hasSize(61);
        assertThat(order.subList(0, 12)).containsExactly("out1.png", "out2.png", "out3.png", "out4.png", "out5.png",
                "out6.png", "out7.png", "out8.png", "out9.png", "out10.png", "out11.png", "out12.png");
        assertThat(order.get(60)).isEqualTo("out61.png");
    }

    @Test
    void zeroPaddedNamesKeepTheirOrderAndNumbersWithinNamesCompareAsNumbers() throws Exception {
        touch("0002.jpg", "0010.tif", "0001.pdf", "batch2_page10.jpg", "batch2_page9.jpg", "batch10_page1.jpg");
        assertThat(names(InputFiles.expand(List.of(dir)))).containsExactly("0001.pdf", "0002.jpg", "0010.tif",
                "batch2_page9.jpg", "batch2_page10.jpg", "batch10_page1.jpg");
    }

    @Test
    void mixedPaddingIsRefusedWithTheFilesNamed() throws Exception {
        touch("out01.jpg", "out02.jpg", "out3.jpg", "out10.jpg");
        assertThatThrownBy(() -> InputFiles.expand(List.of(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("out3.jpg").hasMessageContaining("leading zeros")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void twoFilesForOnePositionAreRefused() throws Exception {
        touch("page7.jpg", "page07.png", "page8.jpg");
        assertThatThrownBy(() -> InputFiles.expand(List.of(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("page07.png").hasMessageContaining("page7.jpg")
                .hasMessageContaining("same position");
        Files.delete(dir.resolve("page07.png"));
        touch("page8.pdf");
        assertThatThrownBy(() -> InputFiles.expand(List.of(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("page8.jpg").hasMessageContaining("page8.pdf");
    }

    @Test
    void everythingNotReadIsListedWithTheReason() throws Exception {
        touch("0001.jpg", "0002.bmp", "0003.gif", "notes.txt", ".hidden.jpg", "scan.json", "0004.pgm", "0005.jp2");
        Files.createDirectory(dir.resolve("rescans"));
        Files.createSymbolicLink(dir.resolve("0006.jpg"), dir.resolve("gone.jpg"));
        // a page saved without a file type is read for what it is
        Files.write(dir.resolve("0007"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        BatchInputs in = InputFiles.expand(List.of(dir));
        assertThat(names(in)).containsExactly("0001.jpg", "0002.bmp", "0003.gif", "0004.pgm", "0005.jp2", "0007");
        assertThat(in.skipped()).extracting(SkippedInput::source)
                .containsExactlyInAnyOrder(".hidden.jpg", "0006.jpg", "notes.txt", "rescans", "scan.json");
        assertThat(reasonFor(in, "rescans")).contains("folder");
        assertThat(reasonFor(in, ".hidden.jpg")).contains("hidden");
        assertThat(reasonFor(in, "0006.jpg")).contains("does not exist");
        assertThat(reasonFor(in, "notes.txt")).contains("not an image or PDF file (.txt)");
    }

    private static String reasonFor(BatchInputs in, String source) {
        return in.skipped().stream().filter(s -> s.source().equals(source)).findFirst().orElseThrow().reason();
    }

    @Test
    void aFileGivenByNameIsAlwaysRead() throws Exception {
        touch("notes.txt");
        assertThat(names(InputFiles.expand(List.of(dir.resolve("notes.txt"))))).containsExactly("notes.txt");
    }

    @Test
    void aMissingPathIsAnInputErrorWithOneLine() {
        Path missing = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> InputFiles.expand(List.of(missing)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("no-such-folder")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
