package org.scanstation.match.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.scanstation.match.PatientIndexException;
import org.scanstation.samples.SyntheticPatients;

/**
 * {@code bench --index}: a synthetic extract of N patients, its import, a refresh with the same extract,
 * then a station's start and look-ups in a fresh JVM with a small heap ({@link IndexStartBench}).
 */
public final class IndexBenchmark {

    /** The figures, in the order they are printed. */
    public record Result(Map<String, String> figures) {
    }

    private IndexBenchmark() {
    }

    /**
     * @param probeHeapMb the heap the station-side JVM gets (-Xmx): the index must work within it
     */
    public static Result run(Path work, int patients, long seed, int probeHeapMb)
            throws IOException, PatientIndexException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        Files.createDirectories(work);
        Path extract = work.resolve("extract.csv");
        long t = System.nanoTime();
        SyntheticPatients.Written written = SyntheticPatients.write(extract, patients, seed, 2);
        f.put("extract", String.format("%,d patients + %,d merged rows, %,d MB, written in %.1f s", patients,
                written.mergedRows(), Files.size(extract) / (1024 * 1024), seconds(t)));
        IndexHome home = IndexHome.at(work.resolve("index"));
        resetPeaks();
        t = System.nanoTime();
        ImportReport first = IndexImporter.importExtract(home, extract, ImportOptions.strict());
        f.put("import", String.format("%.1f s (%,d patients, %,d merged identifiers, %,d refused), heap peak %d MB",
                seconds(t), first.patients(), first.retired(), first.refusedRows(), peakHeapMb()));
        t = System.nanoTime();
        ImportReport refresh = IndexImporter.importExtract(home, extract, ImportOptions.strict());
        f.put("refresh", String.format("%.1f s, same extract: %s", seconds(t), refresh.changes().describe()));
        f.put("store on disk", String.format("%,d MB", Files.size(home.fileOf(home.current().orElseThrow().generation()))
                / (1024 * 1024)));
        Path samples = work.resolve("samples.txt");
        List<String> lines = new ArrayList<>();
        written.samples().forEach(s -> lines.add(s.nhs() + "," + s.mrn() + "," + s.familyName() + "," + s.dateOfBirth()));
        Files.write(samples, lines, StandardCharsets.UTF_8);
        Map<String, String> probe = probe(home.dir(), samples, probeHeapMb);
        f.put("station start", "open + first look-up " + probe.get("open_ms") + " ms; JVM start to first answer "
                + probe.get("jvm_to_first_answer_ms") + " ms");
        f.put("look-up by NHS number", latency(probe, "nhs"));
        f.put("look-up by hospital no.", latency(probe, "mrn"));
        f.put("name + date of birth", latency(probe, "name_dob"));
        f.put("search box (typed text)", latency(probe, "search_box"));
        f.put("index heap", probe.get("index_heap_mb") + " MB held by the open index (station JVM run with -Xmx"
                + probe.get("max_heap_mb") + "m)");
        return new Result(f);
    }

    private static String latency(Map<String, String> probe, String what) {
        return "p50 " + probe.get(what + "_p50_us") + " µs, p99 " + probe.get(what + "_p99_us") + " µs";
    }

    private static Map<String, String> probe(Path dir, Path samples, int heapMb) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"),
                IndexStartBench.class.getName(), dir.toString(), samples.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("the station-side benchmark failed: " + out.strip());
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.contains(" ")) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
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
}
