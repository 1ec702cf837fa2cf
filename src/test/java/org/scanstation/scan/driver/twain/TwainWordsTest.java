package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/** Condition codes become the station's errors, in sentences a clerk understands. */
class TwainWordsTest {

    @Test
    void deviceConditionsBecomeTheClerksErrors() {
        Map<Integer, ScanError> expected = Map.of(
                ConditionCodes.TWCC_PAPERJAM, ScanError.PAPER_JAM,
                ConditionCodes.TWCC_PAPERDOUBLEFEED, ScanError.PAPER_JAM,
                ConditionCodes.TWCC_DAMAGEDCORNER, ScanError.PAPER_JAM,
                ConditionCodes.TWCC_NOMEDIA, ScanError.NO_DOCUMENTS,
                ConditionCodes.TWCC_INTERLOCK, ScanError.COVER_OPEN,
                ConditionCodes.TWCC_MAXCONNECTIONS, ScanError.DEVICE_BUSY,
                ConditionCodes.TWCC_CHECKDEVICEONLINE, ScanError.CONNECTION_LOST,
                ConditionCodes.TWCC_NODS, ScanError.DEVICE_NOT_FOUND,
                ConditionCodes.TWCC_CAPUNSUPPORTED, ScanError.UNSUPPORTED_OPTION,
                ConditionCodes.TWCC_LOWMEMORY, ScanError.DEVICE_ERROR);
        expected.forEach((cc, error) -> {
            ScanException e = ConditionCodes.exception("page 4", cc);
            assertThat(e.error()).as("condition " + cc).isEqualTo(error);
            assertThat(e.getMessage()).as("condition " + cc).contains("(page 4)", error.advice()).doesNotContain("TWCC");
        });
    }

    @Test
    void theMessagesSayWhatHappened() {
        assertThat(ConditionCodes.exception("page 2", ConditionCodes.TWCC_PAPERJAM).getMessage())
                .startsWith("The paper jammed in the scanner. (page 2) Paper jam in the scanner. Clear the jam");
        assertThat(ConditionCodes.exception("starting the scan", ConditionCodes.TWCC_NOMEDIA).getMessage())
                .contains("no paper", "Load the pages");
        assertThat(ConditionCodes.exception("page 1", ConditionCodes.TWCC_INTERLOCK).getMessage())
                .contains("cover or feeder door is open", "Close it");
        assertThat(ConditionCodes.exception("opening X", ConditionCodes.TWCC_MAXCONNECTIONS).getMessage())
                .contains("in use by another program", "Wait a moment");
        assertThat(ConditionCodes.busy("opening X", true).error()).isEqualTo(ScanError.DEVICE_BUSY);
        assertThat(ConditionCodes.exception("page 1", 0x8123).getMessage()).contains("condition code " + 0x8123);
    }
}
