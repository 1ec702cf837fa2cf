package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.ViewModelTestSupport.SAME_THREAD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.gui.settings.ProfileRow;
import org.scanstation.gui.settings.SettingRow;
import org.scanstation.gui.settings.SettingsViewModel;
import org.scanstation.station.LocalAccounts;
import org.scanstation.station.StationFixture;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/** The settings screen's logic against real files, a real patient index extract and a real CMIS server. */
class SettingsViewModelTest {

    @TempDir
    Path dir;

    private SettingsViewModel open(Set<String> locked, SessionViewModel session) {
        StationConfig cfg = StationFixture.config(dir, "http://127.0.0.1:9/cmis/browser");
        EffectiveConfig effective = StationFixture.effective(cfg, locked);
        return new SettingsViewModel(effective, dir.resolve("user/settings.json"), session, SAME_THREAD, SAME_THREAD);
    }

    private SessionViewModel session() {
        return new SessionViewModel(new LocalAccounts(StationFixture.config(dir, null).users()), "chris");
    }

    @Test
    void settingsLockedByItAreReadOnlyWithANoteAndAreNeverSavedToTheUsersFile() throws Exception {
        SessionViewModel session = session();
        session.signIn(StationFixture.SUPERVISOR, StationFixture.PASSWORD.toCharArray());
        SettingsViewModel vm = open(Set.of("edms"), session);

        SettingRow url = vm.row("edms.cmisUrl");
        assertThat(url.locked()).isTrue();
        assertThat(url.note()).contains("locked by IT");
        assertThat(vm.editable(url).get()).isFalse();
        SettingRow csv = vm.row("patientIndex.csv");
        assertThat(csv.locked()).isFalse();
        assertThat(vm.editable(csv).get()).isTrue();
        assertThat(vm.profiles()).hasSize(3);

        Path extract = Files.copy(Path.of("samples/patients.csv"), dir.resolve("pas.csv"));
        csv.value().set(extract.toString());
        assertThat(vm.save()).isTrue();
        JsonNode saved = new ObjectMapper().readTree(dir.resolve("user/settings.json").toFile());
        assertThat(saved.path("patientIndex").path("csv").asText()).isEqualTo(extract.toString());
        assertThat(saved.has("edms")).isFalse();
        assertThat(saved.has("store")).as("only what changed is written").isFalse();
        assertThat(vm.messageProperty().get()).contains("starts again").doesNotContain("Not saved");
    }

    @Test
    void aClerkCannotChangeWherePatientDataComesFromOrGoesAndNothingIsWritten() {
        SessionViewModel session = session();
        SettingsViewModel vm = open(Set.of(), session);
        SettingRow csv = vm.row("patientIndex.csv");
        assertThat(vm.editable(csv).get()).isFalse();
        assertThat(csv.note()).contains("supervisor");
        assertThat(vm.editable(vm.row("scanner.defaultDevice")).get()).as("a clerk chooses the scanner").isTrue();
        assertThat(vm.noteShown(csv).get()).as("a clerk is told who may change it").contains("supervisor signs in");
        session.signIn(StationFixture.SUPERVISOR, StationFixture.PASSWORD.toCharArray());
        assertThat(vm.editable(csv).get()).isTrue();
        assertThat(vm.noteShown(csv).get()).as("a signed-in supervisor is not told to sign in")
                .doesNotContain("signs in").contains("Supervisor only");
        session.signOut();
        assertThat(vm.noteShown(csv).get()).contains("supervisor signs in");

        csv.value().set(dir.resolve("elsewhere.csv").toString());
        assertThat(vm.save()).isFalse();
        assertThat(csv.error().get()).contains("only a signed-in supervisor");
        assertThat(dir.resolve("user/settings.json")).doesNotExist();
    }

    @Test
    void everyValueIsCheckedWhenSavedAndAnInvalidOneIsRefusedWithItsReason() {
        SessionViewModel session = session();
        session.signIn(StationFixture.SUPERVISOR, StationFixture.PASSWORD.toCharArray());
        SettingsViewModel vm = open(Set.of(), session);

        vm.row("patientIndex.store").value().set(dir.resolve("no-such-index").toString());
        vm.row("edms.cmisUrl").value().set("http://edms.example.org/cmis/browser");
        vm.row("supervisor.idleMinutes").value().set("0");
        vm.row("edms.passwordFile").value().set(dir.resolve("missing-password").toString());
        vm.profiles().get(0).resolution().set("9000");
        assertThat(vm.save()).isFalse();
        assertThat(vm.row("patientIndex.store").error().get()).contains("does not exist");
        assertThat(vm.row("edms.cmisUrl").error().get()).contains("plain http");
        assertThat(vm.row("supervisor.idleMinutes").error().get()).contains("1 to 480");
        assertThat(vm.row("edms.passwordFile").error().get()).contains("does not exist");
        assertThat(vm.messageProperty().get()).startsWith("Not saved").contains("50 to 1200 dpi");
        assertThat(dir.resolve("user/settings.json")).doesNotExist();

        // put right, it is saved and the file loads as the station will load it
        vm.row("patientIndex.store").value().set("");
        vm.row("edms.cmisUrl").value().set("https://edms.example.org/cmis/browser");
        vm.row("supervisor.idleMinutes").value().set("20");
        vm.row("edms.passwordFile").value().set("");
        vm.profiles().get(0).resolution().set("200");
        vm.profiles().add(ProfileRow.blank());
        assertThat(vm.save()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Saved");
    }

    @Test
    void testConnectionSaysWhetherTheEdmsTypedAnswers() {
        SessionViewModel session = session();
        session.signIn(StationFixture.SUPERVISOR, StationFixture.PASSWORD.toCharArray());
        SettingsViewModel vm = open(Set.of(), session);
        vm.row("edms.cmisUrl").value().set(InMemoryCmisServer.shared().browserUrl());
        vm.testConnection();
        assertThat(vm.connectionResultProperty().get()).startsWith("The EDMS answers: repository");
        vm.row("edms.cmisUrl").value().set("http://127.0.0.1:9/cmis/browser");
        vm.testConnection();
        assertThat(vm.connectionResultProperty().get()).startsWith("The EDMS does not answer");
    }
}
