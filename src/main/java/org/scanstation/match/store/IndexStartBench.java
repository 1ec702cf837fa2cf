package org.scanstation.match.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.scanstation.match.PatientQuery;
import org.scanstation.match.SearchKeys;

/**
 * The station's side of {@code bench --index}, run in a fresh JVM (small heap, cold JIT, SQLite's native
 * library not yet loaded) as a station starts: open the index, answer the first look-up, then time
 * look-ups and searches and measure the heap the index holds. Prints {@code key=value} lines.
 *
 * <p>Arguments: the index folder and a samples file ({@code nhs,mrn,family,dob} per line).
 */
public final class IndexStartBench {

    private IndexStartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String[]> samples = Files.readAllLines(Path.of(args[1])).stream().map(l -> l.split(",")).toList();
        long heapBefore = usedHeapAfterGc();
        long t0 = System.nanoTime();
        try (LivePatientIndex index = LivePatientIndex.open(IndexHome.at(dir))) {
            if (index.byNhsNumber(samples.get(0)[0]).isEmpty()) {
                throw new IllegalStateException("sample patient not found");
            }
            long openNanos = System.nanoTime() - t0;
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("patients=" + index.size());
            System.out.println("open_ms=" + openNanos / 1_000_000);
            System.out.println("jvm_to_first_answer_ms=" + sinceJvmStart);
            Random r = new Random(11);
            int n = 100_000;
            long[] nhs = new long[n];
            long[] mrn = new long[n];
            for (int i = 0; i < n; i++) {
                String[] s = samples.get(r.nextInt(samples.size()));
                long a = System.nanoTime();
                boolean found = index.byNhsNumber(s[0]).isPresent();
                nhs[i] = System.nanoTime() - a;
                a = System.nanoTime();
                found &= index.byHospitalNumber(s[1]).isPresent();
                mrn[i] = System.nanoTime() - a;
                if (!found) {
                    throw new IllegalStateException("sample patient not found: " + s[0]);
                }
            }
            long[] nameDob = new long[10_000];
            for (int i = 0; i < nameDob.length; i++) {
                String[] s = samples.get(r.nextInt(samples.size()));
                long a = System.nanoTime();
                if (index.search(new PatientQuery.Name(SearchKeys.name(s[2]), "", LocalDate.parse(s[3])), 20).isEmpty()) {
                    throw new IllegalStateException("sample patient not found by name: " + s[0]);
                }
                nameDob[i] = System.nanoTime() - a;
            }
            long[] typed = new long[2_000];
            String[] boxes = {"SMITH", "smith j", "Jones, Mary", "PATEL 01/01/1980", "K000", "999 1", "wil"};
            for (int i = 0; i < typed.length; i++) {
                long a = System.nanoTime();
                index.search(boxes[i % boxes.length], 20);
                typed[i] = System.nanoTime() - a;
            }
            print("nhs", nhs);
            print("mrn", mrn);
            print("name_dob", nameDob);
            print("search_box", typed);
            System.out.println("index_heap_mb=" + Math.max(0, usedHeapAfterGc() - heapBefore) / (1024 * 1024));
            System.out.println("max_heap_mb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private static void print(String what, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("%s_p50_us=%.1f%n", what, nanos[nanos.length / 2] / 1000.0);
        System.out.printf("%s_p99_us=%.1f%n", what, nanos[nanos.length * 99 / 100] / 1000.0);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
