package org.scanstation.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.cli.ExitCode;
import org.scanstation.cli.ScanStationCli;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.ocr.TessdataLocator;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.pdf.PdfWriterOptions;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pdf.TinyFilesystem;
import org.scanstation.pipeline.PageAnalysis;
import picocli.CommandLine;

/**
 * An export that cannot finish (OCR failing on a page, a full disk, a read-only folder) says why in one
 * line and leaves no file that looks complete but is not. The batch is one analysed document: a corpus
 * page filed to its patient.
 */
class ExportFailureTest {

    static final Path CORPUS = ExportCorpusTest.CORPUS;
    static final BatchInfo INFO = new BatchInfo("B7", "ST-1", "A Clerk", ZonedDateTime.parse("2026-11-25T09:00:00Z"));

    static List<PageAnalysis> batch;

    @TempDir
    Path dir;

    @BeforeAll
    static void oneAnalysedDocument() throws Exception {
        Patient patient = CsvPatientIndex.load(CORPUS.resolve("patients.csv")).byNhsNumber("9994595342").orElseThrow();
        batch = List.of(new PageAnalysis(0, PageId.single(CORPUS.resolve("batch/0010.png")), PageStatus.MATCHED, patient,
                0.99, 0, 0, 0, List.of(), List.of(), List.of(), List.of("barcode NHS number valid and in index")));
    }

    @Test
    void aPageWhoseOcrFailsStopsTheExportWithItsNameAndWritesNoPdf() throws Exception {
        Path tessdata = TessdataLocator.find("eng").orElseThrow();
        try (TesseractOcrEngine broken = new TesseractOcrEngine(tessdata, "no-such-language", TesseractOcrEngine.Layout.PAGE);
             TextLayerOcr ocr = new TextLayerOcr(broken, 1, 1)) {
            ExportException e = catchThrowableOfType(ExportException.class,
                    () -> exporter(ocr).write(batch, INFO, dir, null));
            assertThat(e.reason()).isEqualTo(ExportException.Reason.OCR_FAILED);
            assertThat(e.getMessage()).contains("0010.png").doesNotContain("\n");
        }
        assertThat(filesIn(dir)).containsExactly("manifest.json");
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.get("complete").asBoolean()).isFalse();
        assertThat(manifest.get("error").asText()).contains("OCR failed on page 0010.png");
        assertThat(manifest.get("documents")).isEmpty();
    }

    @Test
    void aFullDiskIsAClearErrorAndLeavesNoPartialPdf() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("tiny"));
        try (TinyFilesystem fs = TinyFilesystem.mount(mount, "size=64k");
             TextLayerOcr ocr = TextLayerOcr.createDefault()) {
            ExportException e = catchThrowableOfType(ExportException.class,
                    () -> exporter(ocr).write(batch, INFO, fs.dir(), null));
            assertThat(e.reason()).isEqualTo(ExportException.Reason.DISK_FULL);
            assertThat(e.getMessage()).containsIgnoringCase("disk is full").doesNotContain("\n");
            assertThat(filesIn(fs.dir())).allSatisfy(name -> assertThat(name).isEqualTo("manifest.json"));
            if (Files.exists(fs.dir().resolve("manifest.json"))) {
                JsonNode manifest = new ObjectMapper().readTree(fs.dir().resolve("manifest.json").toFile());
                assertThat(manifest.get("complete").asBoolean()).isFalse();
                assertThat(manifest.get("documents")).isEmpty();
            }
        }
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedBeforeAnyAnalysis() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        try (TinyFilesystem fs = TinyFilesystem.mount(mount, "ro,size=64k")) {
            assertThatThrownBy(() -> BatchExporter.checkFolder(fs.dir().resolve("out")))
                    .isInstanceOf(ExportException.class)
                    .hasMessageContaining("read-only")
                    .satisfies(t -> assertThat(((ExportException) t).reason())
                            .isEqualTo(ExportException.Reason.OUTPUT_NOT_WRITABLE));

            CommandLine cli = ScanStationCli.commandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            cli.setOut(new PrintWriter(new StringWriter()));
            int exit = cli.execute("export", "--patients", CORPUS.resolve("patients.csv").toString(),
                    "--out", fs.dir().toString(), CORPUS.resolve("batch/0010.png").toString());
            assertThat(exit).isEqualTo(ExitCode.FAILURE.code());
            assertThat(err.toString().strip()).startsWith("scanstation: ").contains("read-only").doesNotContain("\n");
            assertThat(filesIn(fs.dir())).isEmpty();
        }
    }

    @Test
    void anOutputThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> BatchExporter.checkFolder(file)).isInstanceOf(ExportException.class)
                .hasMessageContaining("is a file, not a folder");
    }

    private static BatchExporter exporter(TextLayerOcr ocr) {
        return new BatchExporter(new DocumentExporter(ocr, new PdfaDocumentWriter(PdfWriterOptions.defaults())),
                new DocumentPages(new FilePageImageSource()), Clock.systemUTC());
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }
}
