package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.samples.GeneratorSettings;
import org.scanstation.samples.PageFormat;
import org.scanstation.samples.SampleBatchGenerator;
import picocli.CommandLine;

/**
 * {@code bench --corpus}: one line per corpus with pages, pages/min, CPU seconds per page and peak heap,
 * measured on the real analysis (two tiny generated corpora, so it stays fast). Figures are printed, never
 * asserted against a speed.
 */
class BenchCorporaTest {

    @TempDir
    Path dir;

    @Test
    void eachCorpusGetsItsOwnLineWithCpuSecondsPerPageAndPeakHeap() throws Exception {
        Path a = dir.resolve("corpus-a");
        Path b = dir.resolve("corpus-b");
        SampleBatchGenerator.generate(a, GeneratorSettings.defaults(71).withPages(2).withDpi(200).withPatients(12)
                .withFormats(java.util.EnumSet.of(PageFormat.TIF)));
        SampleBatchGenerator.generate(b, GeneratorSettings.defaults(72).withPages(3).withPatients(12)
                .withFormats(java.util.EnumSet.of(PageFormat.JPG)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ScanStationCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("bench", "--corpus", a.toString(), "--corpus", b.toString(), "--workers", "1");

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).contains("pages/min", "CPU s/page", "peak heap");
        Pattern row = Pattern.compile("(corpus-[ab])\\s+(\\d+)\\s+([0-9.]+)\\s+(\\d+)\\s+([0-9.]+)\\s+(\\d+) MB");
        int[] pages = new int[2];
        for (String line : lines) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                int i = m.group(1).endsWith("a") ? 0 : 1;
                pages[i] = Integer.parseInt(m.group(2));
                assertThat(Double.parseDouble(m.group(5))).as("CPU s/page of " + m.group(1)).isPositive();
                assertThat(Long.parseLong(m.group(6))).as("peak heap of " + m.group(1)).isPositive();
            }
        }
        assertThat(pages).containsExactly(countPages(a), countPages(b));
        assertThat(out.toString()).contains("CPU s/page is the process's CPU time");
    }

    @Test
    void withoutCorpusOrInputsItIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = ScanStationCli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("bench")).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    private static int countPages(Path corpus) throws Exception {
        try (var s = Files.list(corpus.resolve("batch"))) {
            return (int) s.count();
        }
    }
}
