package org.scanstation.pdf.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.scanstation.ocr.OcrText;
import org.scanstation.pdf.DocumentMetadata;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfWriterOptions;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pdf.WrittenPdf;
import org.w3c.dom.NodeList;

/**
 * Benchmark: the same scanned pages made into one searchable PDF/A by ScanStation's writer (full-page
 * Tesseract OCR, G4/JPEG images) and by {@code img2pdf} + {@code ocrmypdf --output-type pdfa}; prints
 * pages per minute and total bytes side by side. Lives with the tests (not shipped); run it with
 * {@code bench/ocrmypdf-compare.sh BATCH_DIR [PAGES] [JPEG_QUALITY]}.
 */
public final class OcrmypdfComparison {

    private OcrmypdfComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: OcrmypdfComparison BATCH_DIR [PAGES=20] [JPEG_QUALITY=0.75] [WORK_DIR]");
            System.exit(2);
        }
        Path batch = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        float quality = args.length > 2 ? Float.parseFloat(args[2]) : PdfWriterOptions.DEFAULT_JPEG_QUALITY;
        Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("ocrmypdf-compare");
        Files.createDirectories(work);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(batch)) {
            inputs = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|tiff?)"))
                    .sorted().limit(n).toList();
        }
        PrintStream out = System.out;
        out.printf("%d pages from %s, %d cores, work folder %s%n", inputs.size(), batch,
                Runtime.getRuntime().availableProcessors(), work);
        long inputBytes = 0;
        for (Path p : inputs) {
            inputBytes += Files.size(p);
            Files.readAllBytes(p); // warm the page cache for both contenders
        }

        Result ocrmypdf = runOcrmypdf(inputs, work);
        Result ours = runOurs(inputs, work, quality);

        out.println();
        int pages = inputs.size();
        out.printf("%-38s %9s %10s %12s %14s%n", "", "wall s", "pages/min", "CPU s/page", "total bytes");
        out.printf("%-38s %9.1f %10.1f %12.2f %14d%n", "img2pdf + ocrmypdf --output-type pdfa", ocrmypdf.seconds,
                ocrmypdf.pagesPerMinute(pages), ocrmypdf.cpuSeconds / pages, ocrmypdf.bytes);
        out.printf("%-38s %9.1f %10.1f %12.2f %14d%n", "ScanStation PdfaDocumentWriter", ours.seconds,
                ours.pagesPerMinute(pages), ours.cpuSeconds / pages, ours.bytes);
        out.printf("%-38s %9s %10s %12s %14d%n", "(the input image files)", "", "", "", inputBytes);
        out.printf("speed ours/ocrmypdf: %.2fx by wall clock, %.2fx by CPU time;  size ours/ocrmypdf: %.2f%n",
                ours.pagesPerMinute(pages) / ocrmypdf.pagesPerMinute(pages), ocrmypdf.cpuSeconds / ours.cpuSeconds,
                (double) ours.bytes / ocrmypdf.bytes);
        out.printf("machine load average at the end: %.1f (on a shared machine wall-clock figures vary; CPU time less)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf("PDF/A-2b per veraPDF: ocrmypdf %s, ours %s%n", isPdfA2b(ocrmypdf.file), isPdfA2b(ours.file));
        out.println("outputs: " + ocrmypdf.file + "  " + ours.file);
    }

    private static String isPdfA2b(Path pdf) {
        try (var in = Files.newInputStream(pdf)) {
            org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
            var flavour = org.verapdf.pdfa.flavours.PDFAFlavour.fromString("2b");
            try (var parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(in, flavour);
                 var validator = org.verapdf.pdfa.Foundries.defaultInstance().createValidator(flavour, false)) {
                return validator.validate(parser).isCompliant() ? "compliant" : "NOT compliant";
            }
        } catch (Exception e) {
            return "not checked (" + e.getMessage() + ")";
        }
    }

    private record Result(double seconds, double cpuSeconds, long bytes, Path file) {
        double pagesPerMinute(int pages) {
            return pages * 60.0 / seconds;
        }
    }

    private static Result runOcrmypdf(List<Path> inputs, Path work) throws IOException, InterruptedException {
        Path images = work.resolve("img2pdf.pdf");
        Path result = work.resolve("ocrmypdf.pdf");
        long start = System.nanoTime();
        List<String> img2pdf = new ArrayList<>(List.of("img2pdf", "-o", images.toString()));
        inputs.forEach(p -> img2pdf.add(p.toString()));
        double cpu = run(img2pdf, work);
        cpu += run(List.of("ocrmypdf", "-q", "--output-type", "pdfa", images.toString(), result.toString()), work);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(seconds, cpu, Files.size(result), result);
    }

    /** Runs a command under /usr/bin/time; returns the CPU seconds (user + system) of it and its children. */
    private static double run(List<String> command, Path work) throws IOException, InterruptedException {
        Path times = work.resolve("time.txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
        timed.addAll(command);
        Process p = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException("command failed (exit " + p.exitValue() + "): " + String.join(" ", command.subList(0, 2)));
        }
        String[] userSystem = Files.readAllLines(times).get(0).trim().split(" ");
        return Double.parseDouble(userSystem[0]) + Double.parseDouble(userSystem[1]);
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static Result runOurs(List<Path> inputs, Path work, float quality) throws Exception {
        Path result = work.resolve("scanstation.pdf");
        int cores = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        double cpuStart = processCpuSeconds();
        ExecutorService cpu = Executors.newFixedThreadPool(cores);
        try (TextLayerOcr ocr = TextLayerOcr.createDefault()) {
            List<CompletableFuture<Decoded>> decoded = new ArrayList<>();
            for (Path p : inputs) {
                decoded.add(CompletableFuture.supplyAsync(() -> Decoded.read(p), cpu));
            }
            List<CompletableFuture<OcrText>> texts = new ArrayList<>();
            for (CompletableFuture<Decoded> d : decoded) {
                texts.add(ocr.submit(d.join().image));
            }
            List<PdfPage> pages = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Decoded d = decoded.get(i).join();
                pages.add(new PdfPage(d.image, d.dpi, d.bilevel, texts.get(i).get()));
            }
            PdfaDocumentWriter writer = new PdfaDocumentWriter(PdfWriterOptions.defaults().withJpegQuality(quality),
                    cpu, Clock.systemDefaultZone());
            WrittenPdf written = writer.write(pages, new DocumentMetadata("Benchmark batch", null, null, null,
                    "bench", null, null, null, null, inputs.stream().map(p -> p.getFileName().toString()).toList()), result);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(seconds, processCpuSeconds() - cpuStart, written.bytes(), result);
        } finally {
            cpu.shutdown();
            cpu.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** A decoded scan: image, resolution from the file (300 when absent), whether it is 1-bit. */
    private record Decoded(BufferedImage image, int dpi, boolean bilevel) {
        static Decoded read(Path file) {
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new IOException("not an image: " + file);
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    BufferedImage img = reader.read(0);
                    int dpi = dpi(reader.getImageMetadata(0));
                    return new Decoded(img, dpi, img.getColorModel().getPixelSize() == 1);
                } finally {
                    reader.dispose();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static int dpi(IIOMetadata metadata) {
            try {
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
                NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
                if (sizes.getLength() > 0) {
                    float mmPerPixel = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
                    if (mmPerPixel > 0) {
                        return Math.round(25.4f / mmPerPixel);
                    }
                }
            } catch (RuntimeException ignored) {
                // no standard metadata: assume the usual
            }
            return 300;
        }
    }
}
