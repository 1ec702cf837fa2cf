package org.scanstation.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.pdf.PdfExportException.Reason;

class PdfaDocumentWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

    private static BufferedImage greyLetter;
    private static OcrText greyText;
    private static BufferedImage bilevelLetter;
    private static OcrText bilevelText;

    @TempDir
    Path dir;

    private final PdfaDocumentWriter writer =
            new PdfaDocumentWriter(PdfWriterOptions.defaults(), Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void ocrTheTestPages() throws Exception {
        greyLetter = TestPages.letter(BufferedImage.TYPE_BYTE_GRAY);
        bilevelLetter = TestPages.letter(BufferedImage.TYPE_BYTE_BINARY, "Bilevel follow up page");
        try (TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.PAGE)) {
            greyText = ocr.recognise(greyLetter, null);
            bilevelText = ocr.recognise(bilevelLetter, null);
        }
        assertThat(greyText.text()).contains(TestPages.NHS);
    }

    private List<PdfPage> twoPages() {
        return List.of(new PdfPage(greyLetter, 300, false, greyText), new PdfPage(bilevelLetter, 300, true, bilevelText));
    }

    @Test
    void writesAPdfA2bFileThatValidates() throws Exception {
        Path out = dir.resolve("letter.pdf");
        WrittenPdf written = writer.write(twoPages(), TestPages.metadata(), out);

        PdfaValidation.assertPdfA2b(out);
        assertThat(written.path()).isEqualTo(out);
        assertThat(written.pages()).isEqualTo(2);
        assertThat(written.bytes()).isEqualTo(Files.size(out));
        assertThat(written.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out))));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void textOfEveryPageCanBeSearchedAndPageCountMatches() throws Exception {
        Path out = dir.resolve("letter.pdf");
        writer.write(twoPages(), TestPages.metadata(), out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(doc);
            assertThat(first).contains(TestPages.NHS).contains(TestPages.SENTENCE).contains("SMITH, Jane");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(doc)).contains("Bilevel follow up page").contains(TestPages.NHS);
        }
    }

    @Test
    void invisibleWordsLieOverTheWordsInTheImage() throws Exception {
        Path out = dir.resolve("letter.pdf");
        writer.write(List.of(new PdfPage(greyLetter, 300, false, greyText)), TestPages.metadata(), out);
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) {
                positions.addAll(textPositions);
            }
        };
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            stripper.getText(doc);
        }
        // "SMITH" was drawn at x = 250 px, baseline 400 px (300 dpi): 60 pt from the left, 96 pt from the top
        TextPosition s = positions.stream().filter(p -> p.getUnicode().equals("S")).findFirst().orElseThrow();
        assertThat(s.getXDirAdj()).isCloseTo(60f, within(3f));
        assertThat(s.getYDirAdj()).isCloseTo(96f, within(4f));
        // the sentence ends where the drawn sentence ends: its last letter lies within the line's box
        TextPosition lastOfSentence = positions.stream().filter(p -> p.getYDirAdj() > 180 && p.getYDirAdj() < 200)
                .reduce((a, b) -> b).orElseThrow();
        int drawnRight = rightmostInk(greyLetter, 760, 810);
        assertThat(lastOfSentence.getXDirAdj() + lastOfSentence.getWidthDirAdj())
                .isCloseTo(drawnRight * 72f / 300, within(6f));
    }

    private static int rightmostInk(BufferedImage img, int top, int bottom) {
        int right = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 128) {
                    right = Math.max(right, x);
                }
            }
        }
        return right;
    }

    @Test
    void bilevelPagesAreCcittG4AndGreyPagesJpeg() throws Exception {
        Path out = dir.resolve("letter.pdf");
        writer.write(twoPages(), TestPages.metadata(), out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDImageXObject grey = onlyImage(doc.getPage(0));
            assertThat(grey.getCOSObject().getFilters()).isEqualTo(COSName.DCT_DECODE);
            assertThat(grey.getColorSpace().getNumberOfComponents()).isEqualTo(1);
            PDImageXObject bilevel = onlyImage(doc.getPage(1));
            assertThat(bilevel.getCOSObject().getFilters()).isEqualTo(COSName.CCITTFAX_DECODE);
            assertThat(bilevel.getBitsPerComponent()).isEqualTo(1);
            // black stays black: the "S" of SMITH (x 250.., baseline 400) is ink, the margin is paper
            BufferedImage decoded = bilevel.getImage();
            assertThat(decoded.getWidth()).isEqualTo(TestPages.A4_WIDTH_300);
            assertThat(decoded.getRGB(5, 5) & 0xffffff).isEqualTo(0xffffff);
            assertThat(inkIn(decoded, 250, 360, 300, 400)).isTrue();
        }
    }

    @Test
    void pagesEncodedBeforehandGiveTheSameValidSearchableFile() throws Exception {
        List<EncodedPage> encoded = twoPages().stream().map(writer::encode).toList();
        assertThat(encoded.get(1).bilevel()).isTrue();
        assertThat(encoded.get(1).imageBytes()).as("G4 data, not a bitmap").isLessThan(TestPages.A4_WIDTH_300 * TestPages.A4_HEIGHT_300 / 80);
        Path fromEncoded = dir.resolve("encoded.pdf");
        Path fromImages = dir.resolve("images.pdf");
        writer.writeEncoded(encoded, TestPages.metadata(), fromEncoded);
        writer.write(twoPages(), TestPages.metadata(), fromImages);
        PdfaValidation.assertPdfA2b(fromEncoded);
        try (PDDocument doc = Loader.loadPDF(fromEncoded.toFile());
             PDDocument same = Loader.loadPDF(fromImages.toFile());
             PDDocument inMemory = Loader.loadPDF(writer.writeEncodedBytes(encoded, TestPages.metadata()))) {
            BufferedImage decoded = onlyImage(doc.getPage(1)).getImage();
            assertThat(decoded.getRGB(5, 5) & 0xffffff).isEqualTo(0xffffff);
            assertThat(inkIn(decoded, 250, 360, 300, 400)).isTrue();
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.replaceAll("\\s", "")).contains(TestPages.NHS.replace(" ", "")).contains("Bilevelfollowuppage");
            assertThat(new PDFTextStripper().getText(same)).isEqualTo(text);
            assertThat(new PDFTextStripper().getText(inMemory)).isEqualTo(text);
            for (int i = 0; i < 2; i++) {
                try (var a = onlyImage(doc.getPage(i)).getCOSObject().createRawInputStream();
                     var b = onlyImage(same.getPage(i)).getCOSObject().createRawInputStream()) {
                    assertThat(a.readAllBytes()).as("page %d image", i + 1).isEqualTo(b.readAllBytes());
                }
            }
        }
    }

    @Test
    void aGreyPageIsNeverCompressedAboveTheQualityItIsCappedAt() {
        PdfPage grey = new PdfPage(TestPages.noise(600, 800, 9), 300, false, OcrText.empty());
        EncodedPage atDefault = writer.encode(grey);
        EncodedPage capped = writer.encode(grey, 0.55f);
        EncodedPage cappedAbove = writer.encode(grey, 0.95f);
        EncodedPage cappedTooLow = writer.encode(grey, 0.05f);
        assertThat(capped.imageBytes()).isLessThan(atDefault.imageBytes() * 9 / 10);
        assertThat(cappedAbove.imageBytes()).as("the writer's own quality is the ceiling").isEqualTo(atDefault.imageBytes());
        assertThat(cappedTooLow.imageBytes()).as("never below " + PdfWriterOptions.MIN_JPEG_QUALITY)
                .isEqualTo(writer.encode(grey, PdfWriterOptions.MIN_JPEG_QUALITY).imageBytes());
    }

    private static boolean inkIn(BufferedImage img, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((img.getRGB(x, y) & 0xffffff) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PDImageXObject onlyImage(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                images.add(img);
            }
        }
        assertThat(images).hasSize(1);
        return images.get(0);
    }

    @Test
    void pageSizeFollowsTheScanResolution() throws Exception {
        Path out = dir.resolve("sizes.pdf");
        BufferedImage a4At150 = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        writer.write(List.of(new PdfPage(greyLetter, 300, false, greyText), new PdfPage(a4At150, 150, false, OcrText.empty())),
                TestPages.metadata(), out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, within(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(842f, within(1f));
            }
        }
    }

    @Test
    void metadataIsInTheInfoDictionaryAndInXmp() throws Exception {
        Path out = dir.resolve("letter.pdf");
        writer.write(twoPages(), TestPages.metadata(), out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Clinic letter - SMITH, Jane");
            assertThat(info.getCustomMetadataValue("NHSNumber")).isEqualTo("9434765919");
            assertThat(info.getCustomMetadataValue("HospitalNumber")).isEqualTo("S1234567");
            assertThat(info.getCustomMetadataValue("PatientName")).isEqualTo("SMITH, Jane");
            assertThat(info.getCustomMetadataValue("BatchId")).isEqualTo("B-2026-0042");
            assertThat(info.getCustomMetadataValue("PageCount")).isEqualTo("2");
            assertThat(info.getCustomMetadataValue("ScanDate")).isEqualTo("2026-11-25T09:30:00Z");
            assertThat(info.getCustomMetadataValue("StationId")).isEqualTo("STATION-7");
            assertThat(info.getCustomMetadataValue("Operator")).isEqualTo("clerk.jones");
            assertThat(info.getCustomMetadataValue("SourcePages")).isEqualTo("0007.jpg, 0008.tif");
            assertThat(info.getKeywords()).contains("9434765919").contains("S1234567").contains("B-2026-0042");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(NOW);

            XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().exportXMPMetadata());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle());
            assertThat(xmp.getDublinCoreSchema().getDescription()).isEqualTo(info.getSubject())
                    .contains("SMITH, Jane").contains("9434765919").contains("S1234567").contains("2 pages")
                    .contains("B-2026-0042").contains("STATION-7").contains("clerk.jones");
            assertThat(xmp.getDublinCoreSchema().getSubjects()).contains("NHS number 9434765919");
            assertThat(xmp.getAdobePDFSchema().getKeywords()).isEqualTo(info.getKeywords());
            assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo(info.getProducer());
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant()).isEqualTo(NOW);
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    @Test
    void colourPagesAreJpegAndValidate() throws Exception {
        BufferedImage colour = TestPages.letter(BufferedImage.TYPE_INT_RGB);
        var g = colour.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(1500, 200, 400, 200);
        g.dispose();
        Path out = dir.resolve("colour.pdf");
        writer.write(List.of(new PdfPage(colour, 300, false, greyText)), DocumentMetadata.titled("Colour"), out);
        PdfaValidation.assertPdfA2b(out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDImageXObject img = onlyImage(doc.getPage(0));
            assertThat(img.getCOSObject().getFilters()).isEqualTo(COSName.DCT_DECODE);
            assertThat(img.getColorSpace().getNumberOfComponents()).isEqualTo(3);
        }
    }

    @Test
    void aPageWithoutOcrTextIsRefusedAndNothingIsWritten() {
        Path out = dir.resolve("letter.pdf");
        List<PdfPage> pages = List.of(new PdfPage(greyLetter, 300, false, greyText), new PdfPage(greyLetter, 300, false, null));
        assertThatThrownBy(() -> writer.write(pages, TestPages.metadata(), out))
                .isInstanceOfSatisfying(PdfExportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OCR_MISSING))
                .hasMessageContaining("page 2").hasMessageContaining("no OCR text");
        assertThat(out).doesNotExist();
    }

    @Test
    void pagesWithoutOcrTextAreWrittenAsImagesWhenAllowed() throws Exception {
        Path out = dir.resolve("images-only.pdf");
        PdfaDocumentWriter imagesOnly = new PdfaDocumentWriter(PdfWriterOptions.defaults().withRequireTextLayer(false));
        imagesOnly.write(List.of(new PdfPage(greyLetter, 300, false, null)), DocumentMetadata.titled("Images"), out);
        PdfaValidation.assertPdfA2b(out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).isBlank();
        }
    }

    @Test
    void aDocumentWithoutPagesIsRefused() {
        assertThatThrownBy(() -> writer.write(List.of(), TestPages.metadata(), dir.resolve("x.pdf")))
                .isInstanceOfSatisfying(PdfExportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_INPUT))
                .hasMessageContaining("no pages");
    }

    @Test
    void aMissingOutputFolderIsAClearError() {
        Path out = dir.resolve("no-such-folder").resolve("letter.pdf");
        assertThatThrownBy(() -> writer.write(twoPages(), TestPages.metadata(), out))
                .isInstanceOfSatisfying(PdfExportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OUTPUT_NOT_WRITABLE))
                .hasMessageContaining("no-such-folder").hasMessageContaining("does not exist");
        assertThat(out).doesNotExist();
    }

    @Test
    void aReadOnlyOutputFolderIsAClearErrorAndLeavesNoFile() throws Exception {
        Path mountPoint = Files.createDirectory(dir.resolve("readonly"));
        try (TinyFilesystem fs = TinyFilesystem.mount(mountPoint, "ro,size=64k")) {
            Path out = fs.dir().resolve("letter.pdf");
            assertThatThrownBy(() -> writer.write(twoPages(), TestPages.metadata(), out))
                    .isInstanceOfSatisfying(PdfExportException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.OUTPUT_NOT_WRITABLE))
                    .hasMessageStartingWith("Cannot write to the output folder " + mountPoint);
            try (Stream<Path> files = Files.list(fs.dir())) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void aFullDiskIsAClearErrorAndLeavesNoPartialPdf() throws Exception {
        Path mountPoint = Files.createDirectory(dir.resolve("tiny"));
        try (TinyFilesystem fs = TinyFilesystem.mount(mountPoint, "size=64k")) {
            Path out = fs.dir().resolve("letter.pdf");
            Files.writeString(out, "the earlier export");
            List<PdfPage> big = List.of(new PdfPage(TestPages.noise(800, 800, 1), 300, false, OcrText.empty()));
            assertThatThrownBy(() -> writer.write(big, TestPages.metadata(), out))
                    .isInstanceOfSatisfying(PdfExportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DISK_FULL))
                    .hasMessageStartingWith("The disk is full");
            try (Stream<Path> files = Files.list(fs.dir())) {
                assertThat(files).containsExactly(out);
            }
            assertThat(out).hasContent("the earlier export");
        }
    }

    @Test
    void anExistingFileIsNeverReplaced() throws Exception {
        Path out = dir.resolve("letter.pdf");
        Files.writeString(out, "old");
        assertThatThrownBy(() -> writer.write(twoPages(), TestPages.metadata(), out))
                .isInstanceOfSatisfying(PdfExportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TARGET_EXISTS))
                .hasMessageContaining("already exists").hasMessageContaining("not replaced");
        assertThat(out).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void aWrittenPdfIsReadableByItsOwnerOnly() throws Exception {
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = dir.resolve("private.pdf");
        writer.write(twoPages(), TestPages.metadata(), out);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");
    }

    @Test
    void wordsWithCharactersTheFontLacksStillWrite() throws Exception {
        OcrText text = new OcrText("naïve 患者 café", List.of(
                new org.scanstation.ocr.OcrWord("naïve", 90f, new java.awt.Rectangle(100, 100, 200, 50)),
                new org.scanstation.ocr.OcrWord("患者", 40f, new java.awt.Rectangle(320, 100, 100, 50)),
                new org.scanstation.ocr.OcrWord("café", 90f, new java.awt.Rectangle(440, 100, 160, 50))), 73f);
        Path out = dir.resolve("unicode.pdf");
        writer.write(List.of(new PdfPage(new BufferedImage(1000, 400, BufferedImage.TYPE_BYTE_GRAY), 300, false, text)),
                DocumentMetadata.titled("Unicode"), out);
        PdfaValidation.assertPdfA2b(out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(new PDFTextStripper().getText(doc).strip()).isEqualTo("naïve ?? café");
        }
    }
}
