package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

/** The structures have exactly twain.h's sizes with pack(2) (those the manager checks, like TW_ENTRYPOINT, included). */
class TwainStructsTest {

    @Test
    void sizesMatchTwainH() {
        assumeTrue(Native.POINTER_SIZE == 8, "the sizes below are those of 64-bit systems");
        assertThat(new TwainStructs.TwIdentity().size()).isEqualTo(156);
        assertThat(new TwainStructs.TwEntryPoint().size()).isEqualTo(44);
        assertThat(new TwainStructs.TwCallback().size()).isEqualTo(14);
        assertThat(new TwainStructs.TwCapability().size()).isEqualTo(12);
        assertThat(new TwainStructs.TwUserInterface().size()).isEqualTo(12);
        assertThat(new TwainStructs.TwImageInfo().size()).isEqualTo(42);
        assertThat(new TwainStructs.TwPendingXfers().size()).isEqualTo(6);
        assertThat(new TwainStructs.TwImageMemXfer().size()).isEqualTo(42);
        assertThat(new TwainStructs.TwEvent().size()).isEqualTo(10);
        assertThat(new TwainStructs.TwSetupMemXfer().size()).isEqualTo(12);
        assertThat(new TwainStructs.TwStatus().size()).isEqualTo(4);
        assertThat(new TwainStructs.TwImageLayout().size()).isEqualTo(28);
    }

    @Test
    void theApplicationIsATwain2Application() {
        TwainStructs.TwIdentity app = TwainStructs.TwIdentity.application();
        assertThat(app.SupportedGroups & TwainConstants.DF_APP2).isNotZero();
        assertThat(app.SupportedGroups & (TwainConstants.DG_CONTROL | TwainConstants.DG_IMAGE)).isEqualTo(3);
        assertThat(app.productName()).isEqualTo("ScanStation");
    }
}
