package org.scanstation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.store.IndexBenchmark;
import org.scanstation.match.store.TemporaryFolders;

/** {@code bench --index}: prints the figures of {@link IndexBenchmark}. */
final class IndexBench {

    private IndexBench() {
    }

    static int run(PrintWriter out, Path work, int patients, int stationHeapMb) throws CliException, InterruptedException {
        if (patients < 1000) {
            throw new CliException(ExitCode.USAGE, "--index-patients must be at least 1000");
        }
        Path dir = work;
        try {
            if (dir == null) {
                dir = TemporaryFolders.create("scanstation-index-bench-");
            }
            out.printf("patient index benchmark: %,d synthetic patients in %s%n", patients, dir);
            out.flush();
            IndexBenchmark.Result r = IndexBenchmark.run(dir, patients, 20261201L, stationHeapMb);
            r.figures().forEach((k, v) -> out.printf("  %-24s %s%n", k, v));
            out.println("  cores: " + Runtime.getRuntime().availableProcessors());
            out.flush();
            return ExitCode.OK.code();
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "index benchmark failed: " + e.getMessage());
        } catch (PatientIndexException e) {
            throw new CliException(ExitCode.PATIENT_INDEX, e.getMessage());
        } finally {
            if (work == null && dir != null) {
                TemporaryFolders.delete(dir);
            }
        }
    }
}
