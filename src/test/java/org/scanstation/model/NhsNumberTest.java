package org.scanstation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137", "9990000018", "9996185311", "9994595342", "9995778203"})
    void validNumbersPassTheCheck(String digits) {
        assertThat(NhsNumber.hasValidCheckDigit(digits)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "9434765910", "9990160179", "9995846186", "1234567890",
            "943476591", "94347659190", "943476591X", ""})
    void invalidNumbersFail(String digits) {
        assertThat(NhsNumber.hasValidCheckDigit(digits)).isFalse();
    }

    @Test
    void remainderTenIsNeverValid() {
        // 0000000060: sum = 6*4 = 24 -> 11 - 2 = 9? choose a body whose check would be 10:
        // body 123456789 -> sum 1*10+2*9+...+9*2 = 210, 210 % 11 = 1, check = 10 -> invalid whatever the last digit
        for (int last = 0; last <= 9; last++) {
            assertThat(NhsNumber.hasValidCheckDigit("123456789" + last)).isFalse();
        }
    }

    @Test
    void checkDigitElevenMeansZero() {
        // body 999000001: sum = 9*10+9*9+9*8+1*2 = 245, 245 % 11 = 3 -> 8; find one whose remainder is 0
        // 000000000 -> sum 0 -> 11 -> 0
        assertThat(NhsNumber.hasValidCheckDigit("0000000000")).isTrue();
    }

    @Test
    void parsesSpacesAndDashes() {
        assertThat(NhsNumber.parse("943 476 5919")).contains(new NhsNumber("9434765919"));
        assertThat(NhsNumber.parse("943-476-5919")).contains(new NhsNumber("9434765919"));
        assertThat(NhsNumber.parse(" 9434765919 ")).contains(new NhsNumber("9434765919"));
        assertThat(NhsNumber.parse("943 476 5918")).isEmpty();
        assertThat(NhsNumber.parse("NHS 943")).isEmpty();
        assertThat(NhsNumber.parse(null)).isEmpty();
    }

    @Test
    void formatsInThreeThreeFour() {
        assertThat(new NhsNumber("9434765919").formatted()).isEqualTo("943 476 5919");
    }

    @Test
    void refusesAnInvalidNumber() {
        assertThatThrownBy(() -> new NhsNumber("9434765918")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hospitalNumberFormatFindsStandaloneNumbers() {
        HospitalNumberFormat f = HospitalNumberFormat.defaultFormat();
        assertThat(f.matches("K0602259")).isTrue();
        assertThat(f.matches("k0602259")).isTrue();
        assertThat(f.matches("K060225")).isFalse();
        assertThat(f.find("MRN K0602259 LE4 8YH")).contains("K0602259");
        assertThat(f.find("XK06022591")).isEmpty();
        assertThat(new HospitalNumberFormat("RX[0-9]{6}").find("Unit No: RX123456")).contains("RX123456");
    }
}
