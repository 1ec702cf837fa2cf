package org.scanstation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.scanstation.image.InputException;
import org.scanstation.image.BatchInputs;
import org.scanstation.image.InputFiles;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.PageLoader;
import org.scanstation.image.ScannedPage;
import org.scanstation.image.SkippedInput;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.match.PatientIndexException;
import org.scanstation.ocr.OcrException;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.BatchSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: pages per minute, CPU seconds per page and peak memory of {@code analyse} over a folder
 * (or over whole corpora, {@code --corpus}, each measured on its own), beside
 * {@code zbarimg} (barcodes only, no OCR, no matching) over the same pages; with {@code --process}, of
 * the whole {@code process} path (pages stored encrypted as they come, filing, PDF/A of the auto-filed
 * documents) into a throw-away store.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure analyse (pages/min, CPU s/page, peak memory) over pages, beside zbarimg on the same pages.",
                "With --corpus DIR (repeatable; each with batch/ and patients.csv): each corpus measured on its own.",
                "With --process: the whole process path into a throw-away encrypted store.",
                "With --index: the patient index at scale (synthetic extract: import, refresh, start, look-ups, heap)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--patients", paramLabel = "PATIENTS.csv")
    Path patients;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "A corpus folder (batch/ and patients.csv) measured on its own; repeatable, e.g. public-01 and public-02.")
    List<Path> corpora;

    @Option(names = "--index", description = "Benchmark the patient index instead (no pages needed).")
    boolean index;

    @Option(names = "--index-patients", paramLabel = "N", defaultValue = "1000000",
            description = "With --index: patients in the synthetic extract (default ${DEFAULT-VALUE}).")
    int indexPatients;

    @Option(names = "--work", paramLabel = "DIR",
            description = "With --index: folder for the extract and the index (default: a temporary one, deleted after).")
    Path work;

    @Option(names = "--station-heap", paramLabel = "MB", defaultValue = "100",
            description = "With --index: -Xmx of the station-side JVM that opens the index (default ${DEFAULT-VALUE}).")
    int stationHeap;

    @Option(names = "--rounds", defaultValue = "1", description = "Passes over the pages (memory must not grow with them).")
    int rounds;

    @Option(names = "--workers", description = "Pages analysed in parallel (default: one per core).")
    Integer workers;

    @Option(names = "--no-peer", description = "Do not run zbarimg.")
    boolean noPeer;

    @Option(names = "--process", description = "Measure process (store, file, PDF/A) instead of analyse alone.")
    boolean process;

    @Option(names = "--heap-window", defaultValue = "250", paramLabel = "PAGES",
            description = "Report the heap for each window of this many pages (flat means bounded memory).")
    int heapWindow;

    @Parameters(arity = "0..*", paramLabel = "INPUT")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (index) {
            return IndexBench.run(out, work, indexPatients, stationHeap);
        }
        if (corpora != null && !corpora.isEmpty()) {
            return corpora(out);
        }
        if (patients == null || inputs == null || inputs.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "bench needs --patients PATIENTS.csv and INPUT pages (or --corpus DIR, or --index)");
        }
        List<Path> files;
        try {
            BatchInputs expanded = InputFiles.expand(inputs);
            files = expanded.files();
            for (SkippedInput skipped : expanded.skipped()) {
                out.println("not read: " + AnalysisOptions.describe(skipped));
            }
        } catch (InputException e) {
            throw new CliException(ExitCode.INPUT, e.getMessage());
        }
        CsvPatientIndex index;
        try {
            index = CsvPatientIndex.load(patients);
        } catch (PatientIndexException e) {
            throw new CliException(ExitCode.PATIENT_INDEX, e.getMessage());
        }
        AnalysisSettings settings = AnalysisSettings.defaults();
        if (workers != null) {
            settings = settings.withWorkers(workers);
        }
        List<Path> all = new ArrayList<>();
        for (int r = 0; r < Math.max(1, rounds); r++) {
            all.addAll(files);
        }
        if (process) {
            return processBench(out, settings, index, all);
        }
        BatchSummary summary = new BatchSummary();
        List<String> notRead = new ArrayList<>();
        long start;
        long elapsed;
        long cpuStart;
        long cpuUsed;
        List<HeapWatch.Window> heap;
        try (AnalysisEngine engine = AnalysisEngine.create(settings, index); HeapWatch watch = new HeapWatch(heapWindow)) {
            PageLoader loader = engine.pageLoader();
            cpuStart = processCpuNanos();
            start = System.nanoTime();
            engine.analyse(sink -> {
                for (Path f : all) {
                    loader.load(f, page -> {
                        String why = whyNotRead(page);
                        if (why != null) {
                            notRead.add(page.id().name() + ": " + why);
                        }
                        sink.accept(page);
                    });
                }
            }, page -> {
                summary.pageAnalysed(page);
                watch.pageAnalysed(page);
            });
            elapsed = System.nanoTime() - start;
            cpuUsed = processCpuNanos() - cpuStart;
            heap = watch.windows();
        } catch (OcrException e) {
            throw new CliException(ExitCode.ENGINE, e.getMessage());
        }
        int pages = summary.pages();
        double perMin = pages / (elapsed / 1e9) * 60;
        out.printf("%-26s %8s %10s %12s %11s %14s%n", "tool", "pages", "seconds", "pages/min", "CPU s/page", "peak memory");
        out.printf("%-26s %8d %10.1f %12.0f %11.2f %14s%n", "scanstation analyse", pages, elapsed / 1e9, perMin,
                pages == 0 ? 0 : cpuUsed / 1e9 / pages,
                heap.stream().mapToLong(HeapWatch.Window::usedMb).max().orElse(peakHeapMb()) + " MB heap, "
                        + peakRssMb() + " MB RSS");
        if (!noPeer) {
            peer(out, all);
        }
        out.println("heap after GC, MB, per " + heapWindow + " pages: "
                + String.join(" ", heap.stream().map(w -> Long.toString(w.liveMb())).toList())
                + " (max " + heap.stream().mapToLong(HeapWatch.Window::liveMb).max().orElse(0) + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + ")");
        out.println("heap used, MB, per " + heapWindow + " pages: "
                + String.join(" ", heap.stream().map(w -> Long.toString(w.usedMb())).toList()));
        out.println("pages not read (undecodable, over the time limit, not rendered cleanly): " + notRead.size());
        notRead.stream().limit(10).forEach(line -> out.println("  " + line));
        out.println("workers: " + settings.workers() + ", cores: " + Runtime.getRuntime().availableProcessors()
                + "; " + summary.describe());
        out.flush();
        return ExitCode.OK.code();
    }

    private static String whyNotRead(PageLoadResult page) {
        if (page instanceof PageLoadResult.Unreadable u) {
            return u.reason();
        }
        ScannedPage p = ((PageLoadResult.Loaded) page).page();
        return p.renderedCleanly() ? null : String.join("; ", p.renderProblems());
    }

    /** The whole process path into a throw-away store (encrypted, deleted afterwards with its key). */
    private int processBench(PrintWriter out, AnalysisSettings settings, CsvPatientIndex index, List<Path> files)
            throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("scanstation-bench");
        BatchSummary summary = new BatchSummary();
        long elapsed;
        org.scanstation.intake.ProcessResult result;
        try (org.scanstation.store.BatchStore store = org.scanstation.store.BatchStore.open(dir.resolve("store"),
                new org.scanstation.store.KeyFileProvider(dir.resolve("bench.key")))) {
            resetPeaks();
            long start = System.nanoTime();
            result = new org.scanstation.intake.ProcessService(settings, index).process(store, files, "bench", "bench",
                    summary);
            elapsed = System.nanoTime() - start;
        } catch (OcrException e) {
            throw new CliException(ExitCode.ENGINE, e.getMessage());
        } finally {
            deleteTree(dir);
        }
        int pages = summary.pages();
        out.printf("%-26s %8s %10s %12s %14s%n", "tool", "pages", "seconds", "pages/min", "peak memory");
        out.printf("%-26s %8d %10.1f %12.0f %14s%n", "scanstation process", pages, elapsed / 1e9,
                pages / (elapsed / 1e9) * 60, peakHeapMb() + " MB heap, " + peakRssMb() + " MB RSS");
        out.println("workers: " + settings.workers() + ", cores: " + Runtime.getRuntime().availableProcessors()
                + "; " + result.batch().queued() + " documents queued, " + result.batch().held() + " held; "
                + summary.describe());
        out.flush();
        return ExitCode.OK.code();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    // --- corpora: each corpus measured on its own (CPU seconds per page, pages/min, peak heap) ---

    /** One measured analysis: wall and process CPU time, peak heap while it ran. */
    record CorpusRun(int pages, double seconds, double cpuSeconds, long peakHeapMb, String summary) {
        double pagesPerMinute() {
            return seconds <= 0 ? 0 : pages / seconds * 60;
        }

        double cpuSecondsPerPage() {
            return pages == 0 ? 0 : cpuSeconds / pages;
        }
    }

    private int corpora(PrintWriter out) throws Exception {
        AnalysisSettings settings = AnalysisSettings.defaults();
        if (workers != null) {
            settings = settings.withWorkers(workers);
        }
        out.printf("%-26s %8s %10s %12s %11s %14s%n", "corpus", "pages", "seconds", "pages/min", "CPU s/page", "peak heap");
        for (Path corpus : corpora) {
            Path batch = corpus.resolve("batch");
            List<Path> files;
            CsvPatientIndex index;
            try {
                files = InputFiles.expand(List.of(Files.isDirectory(batch) ? batch : corpus)).files();
            } catch (InputException e) {
                throw new CliException(ExitCode.INPUT, e.getMessage());
            }
            try {
                index = CsvPatientIndex.load(patients != null ? patients : corpus.resolve("patients.csv"));
            } catch (PatientIndexException e) {
                throw new CliException(ExitCode.PATIENT_INDEX, e.getMessage());
            }
            List<Path> all = new ArrayList<>();
            for (int r = 0; r < Math.max(1, rounds); r++) {
                all.addAll(files);
            }
            CorpusRun run = measure(all, index, settings);
            out.printf("%-26s %8d %10.1f %12.0f %11.2f %14s%n", corpus.getFileName(), run.pages(), run.seconds(),
                    run.pagesPerMinute(), run.cpuSecondsPerPage(), run.peakHeapMb() + " MB");
            out.flush();
        }
        out.println("workers: " + settings.workers() + ", cores: " + Runtime.getRuntime().availableProcessors()
                + "; CPU s/page is the process's CPU time (all threads, Tesseract's included) over the pages:"
                + " steadier than pages/min on a machine shared with other work");
        out.flush();
        return ExitCode.OK.code();
    }

    /** Analyses the files once, measuring wall time, the process's CPU time and the heap's peak meanwhile. */
    static CorpusRun measure(List<Path> files, CsvPatientIndex index, AnalysisSettings settings) throws Exception {
        BatchSummary summary = new BatchSummary();
        try (AnalysisEngine engine = AnalysisEngine.create(settings, index)) {
            resetPeakHeap();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            engine.analyse(files, summary);
            long elapsed = System.nanoTime() - start;
            long cpuUsed = processCpuNanos() - cpu;
            return new CorpusRun(summary.pages(), elapsed / 1e9, cpuUsed / 1e9, peakHeapMb(), summary.describe());
        } catch (OcrException e) {
            throw new CliException(ExitCode.ENGINE, e.getMessage());
        }
    }

    /** CPU time of the whole process so far (every thread, native OCR included), nanoseconds. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static void peer(PrintWriter out, List<Path> files) throws InterruptedException {
        List<Path> images = files.stream().filter(f -> !f.toString().toLowerCase().endsWith(".pdf")).toList();
        List<String> cmd = new ArrayList<>(List.of("zbarimg", "-q", "--nodbus"));
        images.forEach(f -> cmd.add(f.toString()));
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                out.println("zbarimg did not finish in 30 minutes");
                return;
            }
        } catch (IOException e) {
            out.println("zbarimg not available (apt-get install zbar-tools): " + e.getMessage());
            return;
        }
        double s = (System.nanoTime() - start) / 1e9;
        out.printf("%-26s %8d %10.1f %12.0f %11s %14s%n", "zbarimg (barcodes only)", images.size(), s, images.size() / s * 60, "-", "-");
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }

    private static String peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "?";
    }
}
