package org.scanstation.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.PageAnalysis;

/**
 * A page carrying one patient's boxed label with a barcode and, beside it or lower down, a second patient's
 * label printed as plain text (no box, no barcode: the label locator has nothing to find). Found on a
 * generated batch (seed 5004), where both pages of such a document were filed to the boxed label's patient:
 * the analysis read a page's text only when it had no label.
 * The page's text outside the label read must be looked at: the page goes to review naming both patients.
 * The same page with the one label is still filed without a person.
 */
class SecondPatientPrintedWithoutABoxTest {

    @TempDir
    static Path dir;

    static Patient first;
    static Patient second;
    static Path patients;

    @BeforeAll
    static void index() throws Exception {
        SyntheticPopulation people = SyntheticPopulation.generate(new Random(11), 30);
        first = people.index().get(0);
        second = people.other(first);
        patients = dir.resolve("patients.csv");
        PatientCsv.write(patients, people.index());
    }

    @Test
    void aSecondPatientsUnboxedLabelBesideTheFirstSendsThePageToReview() throws Exception {
        PageAnalysis page = analyse("beside", LabelPosition.TOP_RIGHT, true);
        assertThat(page.status()).as(page.reasons().toString()).isEqualTo(PageStatus.REVIEW);
        assertThat(String.join(" ", page.reasons())).contains("2 different patients");
    }

    @Test
    void aSecondPatientsUnboxedLabelLowerDownSendsThePageToReview() throws Exception {
        PageAnalysis page = analyse("lower", LabelPosition.LOWER_RIGHT, true);
        assertThat(page.status()).as(page.reasons().toString()).isEqualTo(PageStatus.REVIEW);
        assertThat(String.join(" ", page.reasons())).contains("2 different patients");
    }

    @Test
    void theSamePageWithItsOneLabelIsFiledWithoutAPerson() throws Exception {
        PageAnalysis page = analyse("alone", LabelPosition.TOP_RIGHT, false);
        assertThat(page.status()).as(page.reasons().toString()).isEqualTo(PageStatus.MATCHED);
        assertThat(page.patient().nhsNumber()).isEqualTo(first.nhsNumber());
    }

    private static PageAnalysis analyse(String name, LabelPosition secondAt, boolean withSecond) throws Exception {
        LabelLayout boxed = LabelLayouts.byId("box-sans-c128-nhs");
        LabelLayout plain = LabelLayouts.byId("plain-mono-textonly");
        List<LabelSpec> labels = new ArrayList<>();
        labels.add(new LabelSpec(boxed, LabelContent.of(first, boxed), LabelPosition.TOP_LEFT, 0, 255));
        if (withSecond) {
            labels.add(new LabelSpec(plain, LabelContent.of(second, plain), secondAt, 0, 255));
        }
        PagePlan plan = PlanFixtures.page(labels.toArray(LabelSpec[]::new));
        // fed upside down and a little askew: turned and straightened, the plain label is not where a label
        // locator finds print that looks like a label (upright and square, main's analysis found it)
        plan.rotation = 180;
        plan.skew = 0.6;
        Path batch = Files.createDirectories(dir.resolve(name));
        PageImageWriter.write(new PageRenderer(300).render(plan).image(), PageFormat.PNG, batch.resolve("0001.png"),
                300, 0.9f);
        List<PageAnalysis> out = new ArrayList<>();
        try (AnalysisEngine engine = AnalysisEngine.create(AnalysisSettings.defaults(), CsvPatientIndex.load(patients))) {
            engine.analyse(List.of(batch.resolve("0001.png")), out::add);
        }
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
