package org.scanstation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void noFilesGiveTheDefaults() throws Exception {
        EffectiveConfig c = new ConfigLoader().load(dir.resolve("none.json"), dir.resolve("nouser.json"));
        assertThat(c.config().scanner().defaultDevice()).isEqualTo("demo");
        assertThat(c.config().analysis().separators()).containsExactly("SEPARATOR", "PATCHT");
        assertThat(c.machineFile()).isNull();
    }

    @Test
    void userSettingsOverrideOnlyWhatItHasNotLocked() throws Exception {
        Path machine = file("station.json", """
                {
                  // IT's settings
                  "stationId": "WARD7-PC3",
                  "edms": { "cmisUrl": "https://edms.example/cmis/browser", "user": "svc-scan" },
                  "scanner": { "defaultDevice": "sane://127.0.0.1/fujitsu" },
                  "locked": ["edms", "scanner.defaultDevice"]
                }
                """);
        Path user = file("settings.json", """
                { "edms": { "cmisUrl": "http://evil.example/" },
                  "scanner": { "defaultDevice": "demo", "saneServers": ["127.0.0.1:7000"] } }
                """);
        EffectiveConfig c = new ConfigLoader().load(machine, user);
        assertThat(c.config().stationId()).isEqualTo("WARD7-PC3");
        assertThat(c.config().edms().cmisUrl()).isEqualTo("https://edms.example/cmis/browser");
        assertThat(c.config().edms().folderRoot()).isEqualTo("/ScanStation");
        assertThat(c.config().scanner().defaultDevice()).isEqualTo("sane://127.0.0.1/fujitsu");
        assertThat(c.config().scanner().saneServers()).containsExactly("127.0.0.1:7000");
        assertThat(c.isLocked("edms.cmisUrl")).isTrue();
        assertThat(c.isLocked("scanner.saneServers")).isFalse();
        assertThat(c.userIgnored()).containsExactly("edms", "scanner.defaultDevice");
    }

    @Test
    void malformedJsonNamesFileAndLine() throws Exception {
        Path machine = file("station.json", "{\n  \"stationId\": \"A\",\n  \"edms\": { \"cmisUrl\": }\n}\n");
        assertThatThrownBy(() -> new ConfigLoader().load(machine, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("station.json: line 3");
    }

    @Test
    void unknownSettingIsRefusedNotIgnored() throws Exception {
        Path machine = file("station.json", "{\n  \"edms\": {\n    \"cmisUlr\": \"x\"\n  }\n}\n");
        assertThatThrownBy(() -> new ConfigLoader().load(machine, null))
                .hasMessageContaining("line 3").hasMessageContaining("unknown setting 'cmisUlr'");
    }

    @Test
    void wrongTypeIsRefused() throws Exception {
        Path machine = file("station.json", "{\n \"store\": { \"retentionDays\": \"seven\" }\n}\n");
        assertThatThrownBy(() -> new ConfigLoader().load(machine, null)).hasMessageContaining("line 2");
    }

    @Test
    void usersCannotGrantThemselvesAccountsOrUnlock() throws Exception {
        Path user = file("settings.json", "{ \"locked\": [] }");
        assertThatThrownBy(() -> new ConfigLoader().load(null, user)).hasMessageContaining("machine-wide");
    }

    @Test
    void passwordHashesVerify() {
        String h = PasswordHash.create("correct horse".toCharArray());
        assertThat(h).startsWith("pbkdf2-sha256$").doesNotContain("correct");
        assertThat(PasswordHash.verify("correct horse".toCharArray(), h)).isTrue();
        assertThat(PasswordHash.verify("wrong".toCharArray(), h)).isFalse();
        assertThat(PasswordHash.verify("x".toCharArray(), "garbage")).isFalse();
    }
}
