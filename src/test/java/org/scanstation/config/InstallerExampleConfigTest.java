package org.scanstation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example IT gets in /etc/scanstation/station.json must load, and its locks must hold. */
class InstallerExampleConfigTest {

    static final Path EXAMPLE = Path.of("installer/config/station.json");

    @TempDir
    Path dir;

    @Test
    void theInstalledExampleLoadsAsIs() throws Exception {
        EffectiveConfig c = new ConfigLoader().load(EXAMPLE, dir.resolve("no-user-file.json"));
        assertThat(c.machineFile()).isEqualTo(EXAMPLE);
        assertThat(c.config().edms().offline()).isTrue();
        assertThat(c.config().edms().cmisUrl()).isNull();
        assertThat(c.config().analysis().hospitalNumberPattern()).isEqualTo("[A-Z][0-9]{7}");
        assertThat(c.config().scanner().profiles()).extracting(StationConfig.ScanProfile::name)
                .contains("Case notes (grey, duplex)");
        assertThat(c.locked()).contains("edms", "store.path", "stationId");
    }

    @Test
    void aUserCannotRedirectTheStoreOrTheEdmsUnderTheExample() throws Exception {
        Path user = Files.writeString(dir.resolve("settings.json"), """
                { "stationId": "mine",
                  "edms": { "cmisUrl": "http://elsewhere.example/cmis/browser", "offline": false },
                  "store": { "path": "/tmp/elsewhere", "retentionDays": 30 },
                  "scanner": { "defaultDevice": "sane://127.0.0.1/test:0" } }
                """);
        EffectiveConfig c = new ConfigLoader().load(EXAMPLE, user);
        assertThat(c.config().stationId()).isEqualTo("scanstation");
        assertThat(c.config().edms().cmisUrl()).isNull();
        assertThat(c.config().edms().offline()).isTrue();
        assertThat(c.config().store().path()).isNull();
        // not locked: the user's choice applies
        assertThat(c.config().store().retentionDays()).isEqualTo(30);
        assertThat(c.config().scanner().defaultDevice()).isEqualTo("sane://127.0.0.1/test:0");
        assertThat(c.userIgnored()).containsExactlyInAnyOrder("stationId", "edms", "store.path");
    }
}
