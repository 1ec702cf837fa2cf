package org.scanstation.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeparatorRuleTest {

    private static Barcode code128(String text) {
        return new Barcode("CODE_128", text, null);
    }

    @Test
    void defaultTextsMatchTrimmedIgnoringCase() {
        SeparatorRule rule = SeparatorRule.defaults();
        assertThat(rule.isSeparator(code128("SEPARATOR"))).isTrue();
        assertThat(rule.isSeparator(code128("  separator \n"))).isTrue();
        assertThat(rule.isSeparator(new Barcode("CODE_39", "PATCHT", null))).isTrue();
        assertThat(rule.isSeparator(new Barcode("QR_CODE", "patchT", null))).isTrue();
    }

    @Test
    void onlyWholeTextsMatch() {
        SeparatorRule rule = SeparatorRule.defaults();
        assertThat(rule.isSeparator(code128("SEPARATOR SHEET"))).isFalse();
        assertThat(rule.isSeparator(code128("9434765919"))).isFalse();
        assertThat(rule.isSeparator(code128(""))).isFalse();
        assertThat(rule.isSeparator(null)).isFalse();
    }

    @Test
    void aRealPatchCodeTCountsOnlyWhenPatchtIsConfigured() {
        Barcode patch = new Barcode(SeparatorRule.PATCH_T_FORMAT, SeparatorRule.PATCH_T_TEXT, null);
        assertThat(SeparatorRule.defaults().isSeparator(patch)).isTrue();
        assertThat(new SeparatorRule(List.of("CUSTOM BARCODE")).isSeparator(patch)).isFalse();
        assertThat(new SeparatorRule(List.of("patcht")).isSeparator(patch)).isTrue();
    }

    @Test
    void customTextsReplaceTheDefaults() {
        SeparatorRule rule = new SeparatorRule(List.of("CUSTOM BARCODE", "ADAR-NEXTDOC"));
        assertThat(rule.isSeparator(code128("custom barcode"))).isTrue();
        assertThat(rule.isSeparator(code128("ADAR-NEXTDOC"))).isTrue();
        assertThat(rule.isSeparator(code128("SEPARATOR"))).isFalse();
    }

    @Test
    void rejectsAnEmptyConfigurationWithAClearMessage() {
        assertThatThrownBy(() -> new SeparatorRule(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new SeparatorRule(List.of(" "))).hasMessageContaining("blank");
    }
}
