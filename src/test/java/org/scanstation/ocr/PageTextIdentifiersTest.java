package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.scanstation.model.HospitalNumberFormat;

/** Identifiers in a page's text as Tesseract's sparse-text reading hands it over: values often on their own line. */
class PageTextIdentifiersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final HospitalNumberFormat MRN = new HospitalNumberFormat("[A-Z][0-9]{7}");

    @Test
    void aBoxlessLabelReadAsSparseTextGivesEachValueAfterItsKeyword() {
        String text = """
                Kingsmead Royal Infirmary - Laboratory Results (continued)
                Joan FOX
                MRN K4659963

                Date of Birth:
                20/11/2007
                Sex:
                F
                NHS No.
                999-793-2099
                Test
                Result
                """;
        PageTextIdentifiers ids = PageTextIdentifiers.read(text, MRN, TODAY);
        assertThat(ids.nhsDigits()).containsExactly("9997932099");
        assertThat(ids.mrns()).containsExactly("K4659963");
        assertThat(ids.birthDates()).containsExactly(LocalDate.of(2007, 11, 20));
    }

    @Test
    void anNhsNumberGroupedByDashesOrSpacesIsReadWithoutItsKeyword() {
        assertThat(PageTextIdentifiers.read("Re: Joan FOX 999-793-2099", MRN, TODAY).nhsDigits())
                .containsExactly("9997932099");
        assertThat(PageTextIdentifiers.read("Re: Joan FOX 999 793 2099", MRN, TODAY).nhsDigits())
                .containsExactly("9997932099");
    }

    @Test
    void numbersThatOnlyLookGroupedAreNotNhsNumbers() {
        // mixed separators, a longer dashed number, a date and a table of results
        PageTextIdentifiers ids = PageTextIdentifiers.read("""
                Ref 999-793 2099
                Order 123-456-7890-12
                Taken 2026-11-20
                Sodium 114.9 mmol/L 133-146
                """, MRN, TODAY);
        assertThat(ids.nhsDigits()).isEmpty();
        assertThat(ids.birthDates()).isEmpty();
    }

    @Test
    void aKeywordWithItsValueOnItsOwnLineIsNotPairedWithTheNextLine() {
        PageTextIdentifiers ids = PageTextIdentifiers.read("""
                NHS No: 999 793 2099
                943 476 5919
                Date of Birth: 20/11/2007
                01/02/2020
                """, MRN, TODAY);
        // the second number stands grouped on its own and is kept (the policy decides what two numbers mean)
        assertThat(ids.nhsDigits()).containsExactlyInAnyOrder("9997932099", "9434765919");
        assertThat(ids.birthDates()).containsExactly(LocalDate.of(2007, 11, 20));
    }
}
