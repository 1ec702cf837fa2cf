package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which manager is loaded: the environment variable, then the setting, then the platform's standard one. */
class DsmLocationTest {

    @Test
    void environmentThenSettingThenStandard() {
        Map<String, String> env = Map.of(DsmLocation.ENVIRONMENT_VARIABLE, " /opt/twain/libtwaindsm.so.2 ");
        assertThat(DsmLocation.resolve("/etc/other.so", env, "Linux").library()).isEqualTo("/opt/twain/libtwaindsm.so.2");
        assertThat(DsmLocation.resolve("/etc/other.so", env, "Linux").origin()).contains("SCANSTATION_TWAIN_DSM");
        assertThat(DsmLocation.resolve("C:\\Twain\\TWAINDSM.dll", Map.of(), "Windows 11").library())
                .isEqualTo("C:\\Twain\\TWAINDSM.dll");
        assertThat(DsmLocation.resolve(" ", Map.of(DsmLocation.ENVIRONMENT_VARIABLE, ""), "Windows 10").displayName())
                .isEqualTo("TWAINDSM.dll");
        assertThat(DsmLocation.resolve(null, Map.of(), "Linux").library()).isEqualTo("libtwaindsm.so.2");
        DsmLocation mac = DsmLocation.resolve(null, Map.of(), "Mac OS X");
        assertThat(mac.library()).isNull();
        assertThat(new TwainDriver(mac).availability().reason()).isEqualTo("TWAIN is supported on Windows and Linux only");
    }

    @Test
    void aManagerThatCannotBeLoadedIsExplained() {
        TwainDriver d = new TwainDriver(new DsmLocation("/nonexistent/libtwaindsm.so.2", "the setting scanner.twainDsm"));
        assertThat(d.availability().available()).isFalse();
        assertThat(d.availability().reason()).isEqualTo("the TWAIN Data Source Manager /nonexistent/libtwaindsm.so.2"
                + " (from the setting scanner.twainDsm) could not be loaded (cannot open shared object file: No such file"
                + " or directory): install it (twain.org, or the scanner maker's driver package), or give its path in"
                + " SCANSTATION_TWAIN_DSM or the setting scanner.twainDsm");
        TwainDriver standard = new TwainDriver(new DsmLocation("libtwaindsm-not-here.so.2", "the standard one", false));
        assertThat(standard.availability().reason()).startsWith("the TWAIN Data Source Manager (libtwaindsm-not-here.so.2)"
                + " is not installed: install it");
    }
}
