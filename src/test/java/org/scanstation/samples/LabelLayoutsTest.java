package org.scanstation.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scanstation.samples.LabelLayout.Symbology;

class LabelLayoutsTest {

    @Test
    void the_catalogue_covers_the_real_variations() {
        List<LabelLayout> c = LabelLayouts.catalogue();
        assertThat(c).hasSizeGreaterThanOrEqualTo(6);
        assertThat(c.stream().map(LabelLayout::id).distinct()).hasSameSizeAs(c);
        assertThat(c.stream().map(LabelLayout::symbology).collect(Collectors.toSet())).containsExactlyInAnyOrder(Symbology.values());
        assertThat(c.stream().map(LabelLayout::content).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(LabelLayout.BarcodeContent.values());
        assertThat(c.stream().map(LabelLayout::typeFace).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(LabelLayout.TypeFace.values());
        assertThat(c.stream().map(LabelLayout::nameStyle).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(LabelLayout.NameStyle.values());
        assertThat(c.stream().map(LabelLayout::dobStyle).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(LabelLayout.DobStyle.values());
        assertThat(c.stream().map(LabelLayout::nhsStyle).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(LabelLayout.NhsStyle.values());
        assertThat(c).anyMatch(LabelLayout::bordered).anyMatch(l -> !l.bordered());
        assertThat(c.stream().map(l -> l.fields().get(0)).distinct().count()).isGreaterThan(2);
    }

    @Test
    void random_layouts_are_new_reproducible_and_all_print_name_dob_and_nhs() {
        List<LabelLayout> a = LabelLayouts.random(new Random(4), 30);
        List<LabelLayout> b = LabelLayouts.random(new Random(4), 30);
        assertThat(a).isEqualTo(b);
        assertThat(a).noneMatch(l -> LabelLayouts.catalogue().contains(l));
        assertThat(a.stream().map(LabelLayout::symbology).distinct().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void a_layout_that_would_not_print_the_nhs_number_is_refused() {
        LabelLayout base = LabelLayouts.catalogue().get(0);
        assertThatThrownBy(() -> new LabelLayout("x", true, false, base.typeFace(), true, true, 10f, base.nameStyle(),
                base.dobStyle(), "DOB", true, "NHS", base.nhsStyle(), "MRN", List.of(LabelLayout.Field.NAME,
                LabelLayout.Field.DOB), base.symbology(), base.content(), base.placement()))
                .hasMessageContaining("NHS number");
    }

    @Test
    void gs1_payload_carries_a_checked_gsrn_and_the_nhs_number() {
        String gsrn = LabelContent.gsrn("K1234567");
        assertThat(gsrn).hasSize(18).startsWith("5099999");
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (gsrn.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        assertThat((10 - sum % 10) % 10).isEqualTo(gsrn.charAt(17) - '0');
    }
}
