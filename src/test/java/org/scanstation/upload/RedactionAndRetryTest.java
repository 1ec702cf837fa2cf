package org.scanstation.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scanstation.logging.Redactor;

class RedactionAndRetryTest {

    @Test
    void nhsNumbersInServerMessagesAreRedactedInEveryUsualSpelling() {
        assertThat(Redactor.mask("name exists in folder /ScanStation/9990000026"))
                .isEqualTo("name exists in folder /ScanStation/[nhs-number]");
        assertThat(Redactor.mask("patient 999 000 0026 and 999-000-0018")).doesNotContainPattern("\\d{3}");
        assertThat(Redactor.mask("object 137 of 12345678901234")).isEqualTo("object 137 of 12345678901234");
    }

    @Test
    void backOffGrowsToItsCapAndAlwaysKeepsAtLeastHalfOfIt() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 10);
        Random random = new Random(1);
        for (int n = 1; n <= 10; n++) {
            long cap = Math.min(60_000, 1000L << (n - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(p.delay(n, random).toMillis()).isBetween(cap / 2, cap);
            }
        }
    }

    @Test
    void anUploadResultSaysWhatHappenedInOneLine() {
        UploadResult r = new UploadResult(UploadOutcome.EDMS_UNAVAILABLE, 2, 1, 3, 3, 0, 4, java.util.List.of());
        assertThat(r.summary()).isEqualTo(
                "edms unavailable: 2 created, 1 already on the EDMS, 3 verified, 3 purged, 0 failed, 4 pending");
        assertThat(r.outcome().isSuccess()).isFalse();
    }
}
