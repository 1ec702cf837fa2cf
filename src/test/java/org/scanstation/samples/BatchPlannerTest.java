package org.scanstation.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.Patient;

/** The batch plan (what each page is and says) without rendering: fast, so it can cover many pages. */
class BatchPlannerTest {

    private static final GeneratorSettings SETTINGS = GeneratorSettings.defaults(9).withPages(600).withPatients(200);
    private static final SyntheticPopulation PEOPLE = SyntheticPopulation.generate(new Random(1), 200);
    private static final List<PagePlan> PLAN = new BatchPlanner(SETTINGS, PEOPLE, LabelLayouts.catalogue()).plan();
    private static final Map<String, Patient> BY_NHS = PEOPLE.index().stream()
            .collect(Collectors.toMap(p -> p.nhsNumber().digits(), Function.identity()));
    private static final Set<String> MRNS = PEOPLE.index().stream().map(Patient::mrn).collect(Collectors.toSet());

    @Test
    void every_kind_of_trap_occurs_and_is_really_a_trap() {
        Set<String> traps = new HashSet<>();
        for (PagePlan p : PLAN) {
            if (p.kind != PagePlan.Kind.PAGE || p.trap == null || p.pageInDoc != 0) {
                continue;
            }
            traps.add(p.trap);
            switch (p.trap) {
                case "two_patients" -> {
                    assertThat(p.labels).hasSize(2);
                    assertThat(p.labels.get(0).content().nhsDigits()).isNotEqualTo(p.labels.get(1).content().nhsDigits());
                    assertThat(p.expect).isEqualTo("review");
                    assertThat(p.truthNhs).isNull();
                }
                case "label_conflict" -> {
                    LabelContent c = p.labels.get(0).content();
                    Patient printed = BY_NHS.get(c.nhsDigits());
                    assertThat(printed).isNotNull();
                    assertThat(c.barcodePayload()).doesNotContain(printed.nhsNumber().digits());
                    assertThat(c.barcodePayload().equals(printed.mrn())).isFalse();
                    assertThat(p.expect).isEqualTo("review");
                }
                case "bad_check_digit" -> {
                    LabelContent c = p.labels.get(0).content();
                    assertThat(NhsNumber.hasValidCheckDigit(c.nhsDigits())).isFalse();
                    assertThat(c.barcodePayload()).contains(c.nhsDigits());
                    assertThat(MRNS).as("the MRN belongs to someone").contains(c.mrn());
                    assertThat(p.expect).isEqualTo("review");
                    assertThat(p.truthNhs).isNull();
                }
                case "not_in_index" -> {
                    LabelContent c = p.labels.get(0).content();
                    assertThat(NhsNumber.hasValidCheckDigit(c.nhsDigits())).isTrue();
                    assertThat(BY_NHS).doesNotContainKey(c.nhsDigits());
                    assertThat(MRNS).doesNotContain(c.mrn());
                    assertThat(p.truthNhs).isEqualTo(c.nhsDigits());
                    assertThat(p.expect).isEqualTo("review");
                }
                case "damaged_barcode" -> {
                    assertThat(p.labels.get(0).content().damagedBarcode()).isTrue();
                    assertThat(p.expect).isEqualTo("matched");
                    assertThat(p.level).isLessThanOrEqualTo(1);
                    assertThat(BY_NHS).containsKey(p.truthNhs);
                }
                default -> throw new AssertionError("unknown trap " + p.trap);
            }
        }
        assertThat(traps).containsExactlyInAnyOrder("two_patients", "label_conflict", "bad_check_digit", "not_in_index",
                "damaged_barcode");
    }

    @Test
    void pages_following_a_review_trap_in_its_document_inherit_review() {
        int inherited = 0;
        for (int i = 1; i < PLAN.size(); i++) {
            PagePlan p = PLAN.get(i);
            if (p.kind == PagePlan.Kind.PAGE && p.pageInDoc > 0) {
                PagePlan first = firstOfDocument(p.document);
                if (first.expect.equals("review")) {
                    inherited++;
                    assertThat(p.expect).isEqualTo("review");
                    assertThat(p.trap).isEqualTo(first.trap);
                    assertThat(p.truthNhs).isEqualTo(first.truthNhs);
                } else {
                    assertThat(p.expect).isEqualTo("matched");
                    assertThat(p.truthNhs).isEqualTo(first.truthNhs);
                }
            }
        }
        assertThat(inherited).isPositive();
    }

    @Test
    void documents_have_one_to_six_pages_and_a_first_page_that_identifies_the_patient() {
        Map<Integer, List<PagePlan>> docs = PLAN.stream().filter(p -> p.kind == PagePlan.Kind.PAGE)
                .collect(Collectors.groupingBy(p -> p.document));
        assertThat(docs.values()).allMatch(d -> d.size() >= 1 && d.size() <= 6);
        for (List<PagePlan> d : docs.values()) {
            PagePlan first = d.get(0);
            if (first.pageInDoc == 0) {
                assertThat(first.labelled() || first.idLine != null).isTrue();
            }
        }
        assertThat(PLAN.stream().filter(p -> p.pageInDoc > 0 && p.labelled()).count()).as("labelled later pages").isPositive();
        assertThat(PLAN.stream().filter(p -> p.pageInDoc > 0 && !p.labelled() && p.idLine == null).count())
                .as("unlabelled continuation pages").isPositive();
        assertThat(PLAN.stream().filter(p -> p.pageInDoc == 0 && !p.labelled() && p.idLine != null).count())
                .as("first pages identified by their text only").isPositive();
    }

    @Test
    void consecutive_documents_without_a_separator_are_for_different_patients() {
        PagePlan previous = null;
        for (PagePlan p : PLAN) {
            if (p.kind == PagePlan.Kind.SEPARATOR) {
                previous = null;
            } else if (p.kind == PagePlan.Kind.PAGE) {
                if (previous != null && p.document > previous.document && p.labelled() && previous.labelled()) {
                    assertThat(p.labels.get(0).content().nhsDigits())
                            .isNotEqualTo(firstOfDocument(previous.document).labels.isEmpty() ? ""
                                    : firstOfDocument(previous.document).labels.get(0).content().nhsDigits());
                }
                previous = p;
            }
        }
    }

    @Test
    void the_batch_mixes_rotations_levels_formats_separators_and_blank_back_sides() {
        assertThat(PLAN).hasSize(600);
        assertThat(PLAN.stream().filter(p -> p.kind == PagePlan.Kind.PAGE).map(p -> p.rotation).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, 90, 180, 270);
        assertThat(PLAN.stream().map(p -> p.level).collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(PLAN.stream().map(p -> p.format).collect(Collectors.toSet())).containsExactlyInAnyOrder(PageFormat.values());
        assertThat(PLAN.stream().filter(p -> p.kind == PagePlan.Kind.SEPARATOR).map(p -> p.separator)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(PagePlan.SeparatorStyle.values());
        assertThat(PLAN).anyMatch(p -> p.kind == PagePlan.Kind.BLANK && p.showThrough);
        assertThat(PLAN).anyMatch(p -> p.punchHoles);
        assertThat(PLAN.stream().flatMap(p -> p.labels.stream()).map(l -> l.position()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(LabelPosition.values());
        assertThat(PLAN.stream().flatMap(p -> p.labels.stream()).map(l -> l.layout().id()).collect(Collectors.toSet()))
                .hasSize(LabelLayouts.catalogue().size());
        assertThat(PLAN).allMatch(p -> Math.abs(p.skew) <= 4.0);
    }

    @Test
    void a_small_batch_still_gets_a_trap() {
        for (long seed = 1; seed <= 20; seed++) {
            List<PagePlan> plan = new BatchPlanner(GeneratorSettings.demo(seed), PEOPLE, LabelLayouts.catalogue()).plan();
            assertThat(plan).as("seed " + seed).anyMatch(p -> p.trap != null);
        }
    }

    private static PagePlan firstOfDocument(int document) {
        return PLAN.stream().filter(p -> p.kind == PagePlan.Kind.PAGE && p.document == document).findFirst().orElseThrow();
    }
}
