package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scanstation.model.HospitalNumberFormat;

/**
 * The label reader on the shared public-01 corpus's labelled pages (turned upright and deskewed as the
 * pipeline would), with no barcode hints: the locator must find the labels itself. Pages whose label
 * belongs to a patient of the index are scored field by field against the index.
 */
class LabelCorpusTest {

    private static TesseractLabelReader reader;

    @BeforeAll
    static void open() throws Exception {
        reader = TesseractLabelReader.create(HospitalNumberFormat.defaultFormat());
    }

    @AfterAll
    static void close() {
        if (reader != null) {
            reader.close();
        }
    }

    @Test
    void readsNameDateOfBirthAndIdentifiersOfMostLabels() throws Exception {
        assumeTrue(CorpusPages.available(), "corpus ../shared/corpus/public-01 not present");
        Map<String, CorpusPages.Patient> index = CorpusPages.patients();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int pages = 0, found = 0, scored = 0, family = 0, given = 0, dob = 0, nhs = 0, mrn = 0, wrongNhs = 0;
        long cpuNanos = 0;
        StringBuilder misses = new StringBuilder();
        for (CorpusPages.Page page : CorpusPages.labelledPages()) {
            BufferedImage upright = CorpusPages.upright(page);
            long before = cpu.getCurrentThreadCpuTime();
            List<LabelReading> readings = reader.read(upright, List.of(), 300);
            cpuNanos += cpu.getCurrentThreadCpuTime() - before;
            pages++;
            if (!readings.isEmpty()) {
                found++;
            } else {
                misses.append(page.source()).append(" no label; ");
            }
            CorpusPages.Patient expected = page.nhs() == null ? null : index.get(page.nhs());
            if (expected == null) {
                continue;
            }
            scored++;
            LabelReading r = readings.stream().filter(x -> expected.nhs().equals(x.nhsDigits())).findFirst()
                    .orElse(readings.isEmpty() ? null : readings.get(0));
            if (r == null) {
                continue;
            }
            family += expected.family().equalsIgnoreCase(r.familyName()) ? 1 : 0;
            given += expected.given().equalsIgnoreCase(r.givenName()) ? 1 : 0;
            dob += expected.dob().equals(r.dateOfBirth()) ? 1 : 0;
            nhs += expected.nhs().equals(r.nhsDigits()) ? 1 : 0;
            mrn += expected.mrn().equals(r.mrn()) ? 1 : 0;
            if (r.nhsDigits() != null && !expected.nhs().equals(r.nhsDigits())) {
                wrongNhs++;
                misses.append(page.source()).append(" NHS read ").append(r.nhsDigits()).append("; ");
            }
            if (!expected.mrn().equals(r.mrn()) || !expected.dob().equals(r.dateOfBirth())
                    || !expected.family().equalsIgnoreCase(r.familyName())) {
                misses.append(page.source()).append(' ').append(r.rawText().replace('\n', '/')).append("; ");
            }
        }
        String report = String.format(
                "labelled pages %d, label found %d (%.0f%%); scored %d: family %.0f%%, given %.0f%%, DOB %.0f%%, NHS %.0f%%,"
                        + " MRN %.0f%%, wrong NHS digits %d; CPU %.0f ms/page; misses: %s",
                pages, found, 100.0 * found / pages, scored, 100.0 * family / scored, 100.0 * given / scored,
                100.0 * dob / scored, 100.0 * nhs / scored, 100.0 * mrn / scored, wrongNhs, cpuNanos / 1e6 / pages, misses);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "label-corpus-report.txt"), report + "\n");
        assertThat(found).as(report).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * pages));
        assertThat(family).as(report).isGreaterThanOrEqualTo((int) Math.ceil(0.85 * scored));
        assertThat(dob).as(report).isGreaterThanOrEqualTo((int) Math.ceil(0.85 * scored));
        assertThat(nhs).as(report).isGreaterThanOrEqualTo((int) Math.ceil(0.85 * scored));
        assertThat(mrn).as(report).isGreaterThanOrEqualTo((int) Math.ceil(0.75 * scored));
    }
}
