package org.scanstation.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.image.Transform;
import org.scanstation.model.PageId;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfaDocumentWriter;

/** Pages waiting for their document: taken once, only for their clean-up, never past the cap, failures named. */
class PreparedPagesTest {

    static final EncodedPage PAGE = new PdfaDocumentWriter().encode(new PdfPage(
            new BufferedImage(200, 300, BufferedImage.TYPE_BYTE_GRAY), 100, false, new OcrText("", List.of(), 0)));
    static final List<Transform> TURNED = List.of(new Transform.Rotate(180), new Transform.Deskew(0.5));

    static PageId id(String name) {
        return PageId.single(Path.of(name));
    }

    @Test
    void aPageIsTakenOnceAndOnlyWithTheCleanUpItWasMadeWith() throws Exception {
        PreparedPages pages = new PreparedPages();
        pages.put(id("a.png"), TURNED, PAGE);
        pages.put(id("b.png"), TURNED, PAGE);
        assertThat(pages.take(id("a.png"), List.of(new Transform.Rotate(180), new Transform.Deskew(0.5)))).contains(PAGE);
        assertThat(pages.take(id("a.png"), TURNED)).as("taken once").isEmpty();
        assertThat(pages.take(id("b.png"), List.of(new Transform.Rotate(180))))
                .as("turned otherwise since: built again from its source").isEmpty();
        assertThat(pages.waiting()).isZero();
    }

    @Test
    void pagesPastTheCapAreNotKeptAndTakingOneMakesRoom() throws Exception {
        PreparedPages pages = new PreparedPages(2L * PAGE.imageBytes());
        pages.put(id("1.png"), List.of(), PAGE);
        pages.put(id("2.png"), List.of(), PAGE);
        pages.put(id("3.png"), List.of(), PAGE);
        assertThat(pages.waiting()).isEqualTo(2);
        assertThat(pages.take(id("3.png"), List.of())).as("not kept: its document reads it again").isEmpty();
        assertThat(pages.take(id("1.png"), List.of())).isPresent();
        pages.put(id("4.png"), List.of(), PAGE);
        assertThat(pages.take(id("4.png"), List.of())).isPresent();
    }

    @Test
    void aPageThatCouldNotBeMadeReadyStopsItsDocumentNamingIt() {
        PreparedPages pages = new PreparedPages();
        pages.failed(id("0007.jpg"), new OcrException("Tesseract could not recognise the image"));
        ExportException e = catchThrowableOfType(ExportException.class, () -> pages.take(id("0007.jpg"), List.of()));
        assertThat(e.reason()).isEqualTo(ExportException.Reason.OCR_FAILED);
        assertThat(e.getMessage()).contains("0007.jpg", "could not recognise", "not written");
    }
}
