package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.WindowFixture.waitUntil;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.station.Station;
import org.scanstation.station.StationFactory;
import org.scanstation.station.StationFixture;
import org.scanstation.station.StationStartException;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings driven in the window: a clerk cannot change where patient data comes from or goes; a supervisor
 * can, and an invalid value is refused when saved, with its reason beside it and nothing written; Test
 * connection asks the EDMS typed. A station whose patient index cannot be opened still opens, explains,
 * and lets a supervisor put it right and start again. With no supervisor account, the window says how IT
 * makes the first one.
 */
class SettingsWindowTest extends FxRobot {

    @TempDir
    Path dir;
    WindowFixture f;
    final ExecutorService loads = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
        FxToolkit.cleanupStages();
        loads.shutdownNow();
    }

    private void ctrl(KeyCode k) {
        press(KeyCode.CONTROL).type(k).release(KeyCode.CONTROL);
    }

    @Test
    void anInvalidSettingIsRefusedWhenSavedAndOnlyASupervisorChangesWherePatientDataGoes() throws Exception {
        f = WindowFixture.open(dir, null);
        Path userFile = dir.resolve("settings.json");
        ctrl(KeyCode.DIGIT4);
        TextField index = lookup("#setting-patientIndex-store").queryAs(TextField.class);
        clickOn(index).write("/somewhere");
        assertThat(index.getText()).as("a clerk cannot type there").isEmpty();
        assertThat(index.getTooltip().getText()).contains("supervisor");

        ctrl(KeyCode.DIGIT2);
        clickOn("#signInName").write(StationFixture.SUPERVISOR);
        clickOn("#signInPassword").write(StationFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(10, () -> f.window.session().supervisorSignedIn().get());
        ctrl(KeyCode.DIGIT4);
        clickOn(index).write(dir.resolve("no-such-index").toString());
        ctrl(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#settingsMessage").queryLabeled().getText()).startsWith("Not saved");
        assertThat(f.window.settingsViewModel().row("patientIndex.store").error().get()).contains("does not exist");
        assertThat(lookup(".note.error").queryLabeled().getText()).startsWith("\u2717 The patient index folder");
        assertThat(userFile).as("nothing written").doesNotExist();

        // a bad resolution in a scan profile is refused too
        TextField dpi = lookup("#profile-0-resolution").queryAs(TextField.class);
        interact(() -> index.setText(""));
        doubleClickOn(dpi).eraseText(4).write("9000");
        clickOn("#saveSettingsButton");
        assertThat(lookup("#settingsMessage").queryLabeled().getText()).startsWith("Not saved").contains("50 to 1200 dpi");
        assertThat(userFile).doesNotExist();

        // put right: saved, only what changed
        interact(() -> dpi.setText("200"));
        Path extract = Files.copy(Path.of("samples/patients.csv"), dir.resolve("pas.csv"));
        TextField csv = lookup("#setting-patientIndex-csv").queryAs(TextField.class);
        interact(() -> csv.setText(""));
        clickOn(csv).write(extract.toString());
        ctrl(KeyCode.S);
        assertThat(lookup("#settingsMessage").queryLabeled().getText()).startsWith("Saved");
        var saved = new ObjectMapper().readTree(userFile.toFile());
        assertThat(saved.path("patientIndex").path("csv").asText()).isEqualTo(extract.toString());
        assertThat(saved.path("scanner").path("profiles").get(0).path("resolution").asInt()).isEqualTo(200);
        assertThat(saved.has("edms")).isFalse();

        // Test connection asks the EDMS typed (not saved)
        TextField url = lookup("#setting-edms-cmisUrl").queryAs(TextField.class);
        interact(() -> url.setText(InMemoryCmisServer.shared().browserUrl()));
        press(KeyCode.ALT).type(KeyCode.T).release(KeyCode.ALT);
        waitUntil(20, () -> lookup("#connectionResult").queryLabeled().getText().startsWith("The EDMS answers"));
    }

    @Test
    void aStationThatCannotOpenItsIndexOpensExplainsAndIsPutRightByASupervisor() throws Exception {
        StationConfig base = StationFixture.config(dir, null, dir.resolve("missing-extract.csv"));
        EffectiveConfig config = StationFixture.effective(base, Set.of());
        Path userFile = dir.resolve("user-settings.json");
        ExecutorService work = Executors.newSingleThreadExecutor();
        StationStartException why = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> StationFactory.open(config, new StationFactory.Defaults(Path.of("samples"), Duration.ZERO), work),
                StationStartException.class);
        assertThat(why.part()).isEqualTo(StationStartException.Part.PATIENT_INDEX);

        AtomicReference<Station> started = new AtomicReference<>();
        AtomicReference<String> failed = new AtomicReference<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            StartupProblemView view = new StartupProblemView(why.getMessage(), config, userFile, () -> {
                // what the application does on Start again: read the settings again and open the station
                try {
                    EffectiveConfig again = new ConfigLoader().load(null, userFile);
                    StationConfig merged = new StationConfig(base.stationId(), base.edms(),
                            again.config().patientIndex(), base.analysis(), base.store(), base.scanner(), base.users(),
                            base.locked());
                    started.set(StationFactory.open(StationFixture.effective(merged, Set.of()),
                            new StationFactory.Defaults(Path.of("samples"), Duration.ZERO), work));
                } catch (Exception e) {
                    failed.set(e.getMessage());
                }
            }, Platform::runLater, loads);
            Scene scene = new Scene(view, 1366, 768);
            scene.getStylesheets().add(MainWindow.class.getResource("station.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#startupProblem").queryLabeled().getText()).contains("patient index");
        assertThat(lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText() != null && l.getText().contains("a supervisor signs in below"));

        clickOn("#signInName").write(StationFixture.SUPERVISOR);
        clickOn("#signInPassword").write(StationFixture.PASSWORD).type(KeyCode.ENTER);
        TextField csv = lookup("#setting-patientIndex-csv").queryAs(TextField.class);
        waitUntil(10, csv::isEditable);
        interact(() -> csv.setText(""));
        clickOn(csv).write(dir.resolve("still-missing.csv").toString());
        clickOn("#saveSettingsButton");
        assertThat(lookup("#settingsMessage").queryLabeled().getText()).startsWith("Not saved");
        interact(() -> csv.setText(Path.of("samples/patients.csv").toAbsolutePath().toString()));
        clickOn("#saveSettingsButton");
        assertThat(lookup("#settingsMessage").queryLabeled().getText()).startsWith("Saved");
        clickOn("#startAgainButton");
        waitUntil(60, () -> started.get() != null || failed.get() != null);
        assertThat(failed.get()).isNull();
        started.get().close();
        work.shutdownNow();
    }

    @Test
    void withoutASupervisorAccountTheWindowSaysHowItMakesTheFirstOne() throws Exception {
        StationConfig base = StationFixture.config(dir, null);
        StationConfig noAccounts = new StationConfig(base.stationId(), base.edms(), base.patientIndex(), base.analysis(),
                base.store(), base.scanner(), List.of(), base.locked());
        f = WindowFixture.open(dir, noAccounts, 1600, 1000);
        ctrl(KeyCode.DIGIT2);
        assertThat(lookup("#signInName").tryQuery()).as("no sign-in that can never succeed").isEmpty();
        String help = lookup("#firstRunHelp").queryLabeled().getText();
        assertThat(help).contains("No supervisor account").contains("scanstation account NAME --role supervisor")
                .contains(ConfigLoader.machineFile().toString());
    }
}
