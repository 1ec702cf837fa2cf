package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.gui.settings.SettingRow;
import org.scanstation.gui.settings.SettingsViewModel;
import org.scanstation.station.StationFixture;

class SettingsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void settingsLockedByItAreReadOnlyWithANoteAndAreNeverSavedToTheUsersFile() throws Exception {
        StationConfig cfg = StationFixture.config(dir, "http://127.0.0.1:9/cmis/browser");
        EffectiveConfig effective = StationFixture.effective(cfg, Set.of("edms"));
        Path userFile = dir.resolve("user/settings.json");
        SettingsViewModel vm = new SettingsViewModel(effective, userFile);

        SettingRow url = row(vm, "edms.cmisUrl");
        assertThat(url.locked()).isTrue();
        assertThat(url.note()).contains("locked by IT");
        SettingRow csv = row(vm, "patientIndex.csv");
        assertThat(csv.locked()).isFalse();
        assertThat(csv.note()).isEmpty();
        assertThat(row(vm, "edms.password").value().get()).doesNotContain("dummysecret").isEqualTo("not set");
        assertThat(vm.profiles()).hasSize(3).allSatisfy(p -> assertThat(p).contains("dpi"));

        url.value().set("http://elsewhere/cmis");
        csv.value().set("/data/pas.csv");
        assertThat(vm.save()).isTrue();
        JsonNode saved = new ObjectMapper().readTree(userFile.toFile());
        assertThat(saved.path("patientIndex").path("csv").asText()).isEqualTo("/data/pas.csv");
        assertThat(saved.has("edms")).isFalse();
        assertThat(vm.messageProperty().get()).contains("starts again").doesNotContain("could not");
    }

    private static SettingRow row(SettingsViewModel vm, String path) {
        return vm.rows().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }
}
