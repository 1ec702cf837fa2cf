package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.gui.scan.PageTile;
import org.scanstation.station.Station;
import org.scanstation.station.StationFixture;
import org.scanstation.station.UploadLine;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, driven headlessly (Monocle) with the real station behind it. */
class StationWindowTest extends FxRobot {

    @TempDir
    Path dir;
    final ExecutorService work = Executors.newSingleThreadExecutor();
    final ExecutorService loads = Executors.newSingleThreadExecutor();
    Station station;
    MainWindow window;

    MainWindow open(String cmisUrl, Duration pacing, Set<String> locked) throws Exception {
        station = StationFixture.open(dir, cmisUrl, work, pacing);
        station.start();
        EffectiveConfig config = StationFixture.effective(StationFixture.config(dir, cmisUrl), locked);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(station, config, dir.resolve("settings.json"), loads);
            window.setAfterClose(() -> { });
            window.show(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        work.shutdownNow();
        loads.shutdownNow();
        work.awaitTermination(10, TimeUnit.SECONDS);
        if (station != null) {
            station.close();
        }
    }

    @Test
    void scanTheDemoBatchASupervisorAssignsTheHeldPageAndEverythingIsUploaded() throws Exception {
        open(InMemoryCmisServer.shared().browserUrl(), Duration.ZERO, Set.of());
        assertThat(window.scene().getWindow()).isNotNull();

        clickOn("#scanButton");
        // the demo scanner has no duplex: the profile's warning is read and accepted before scanning
        waitUntil(10, () -> lookup("#profileWarningDialog").tryQuery().isPresent());
        clickOn("#confirmButton");
        waitUntil(90, () -> !station.isScanning() && window.scanViewModel().pages().size() == 14);
        List<PageTile> tiles = List.copyOf(window.scanViewModel().pages());
        assertThat(tiles).extracting(t -> t.look().label()).contains("? Needs review", "\u2713 Matched");
        // status never by colour alone: every visible tile says its status in words
        for (Node cell : lookup(".tile-status").queryAll()) {
            assertThat(((Label) cell).getText()).matches("^(\u2713 Matched|\\? Needs review|\u25cb Blank|\u2702 Separator)$");
        }

        clickOn("#fileButton");
        clickOn("#reviewTab");
        waitUntil(90, () -> window.reviewViewModel().items().size() == 2);
        assertThat(lookup("#assignButton").queryButton().isDisabled()).isTrue();

        clickOn("#signInName").write(StationFixture.SUPERVISOR);
        clickOn("#signInPassword").write(StationFixture.PASSWORD);
        clickOn("#signInButton");
        waitUntil(10, () -> window.session().userProperty().get() != null);
        String family = station.searchPatients("a").get(0).familyName();
        clickOn("#patientSearch").write(family);
        clickOn("#searchButton");
        waitUntil(10, () -> !window.reviewViewModel().results().isEmpty());
        assertThat(lookup("#assignButton").queryButton().isDisabled()).as("nobody chosen yet").isTrue();
        Object first = window.reviewViewModel().results().get(0);
        clickOn(lookup((Node n) -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() == first).<Node>query());
        waitUntil(10, () -> window.reviewViewModel().chosenProperty().get() != null);
        clickOn("#assignButton");
        waitUntil(10, () -> lookup("#fileToPatientDialog").tryQuery().isPresent());
        clickOn("#confirmButton");
        waitUntil(60, () -> window.reviewViewModel().items().size() == 1);
        clickOn("#unidentifiableButton");
        waitUntil(10, () -> lookup("#unidentifiableDialog").tryQuery().isPresent());
        clickOn("#confirmButton");
        waitUntil(30, () -> window.reviewViewModel().items().isEmpty());

        clickOn("#uploadTab");
        waitUntil(90, () -> window.uploadViewModel().lines().stream()
                .filter(l -> l.state().startsWith("uploaded")).count() == 5);
        List<UploadLine> lines = List.copyOf(window.uploadViewModel().lines());
        assertThat(lines).extracting(UploadLine::state).contains("held: unidentifiable, never uploaded");
        waitUntil(30, () -> window.uploadViewModel().onlineProperty().get());
        assertThat(lookup("#connectionStatus").queryLabeled().getText()).startsWith("\u25cf Online");
    }

    @Test
    void stoppingAScanMidBatchKeepsThePagesSoFar() throws Exception {
        open(null, Duration.ofMillis(400), Set.of());
        interact(() -> window.scanViewModel().profileProperty().set(window.scanViewModel().profiles().get(2)));
        type(KeyCode.F5);
        waitUntil(60, () -> window.scanViewModel().pages().size() >= 2);
        type(KeyCode.ESCAPE);
        waitUntil(30, () -> !station.isScanning() && !window.scanViewModel().scanningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        int kept = window.scanViewModel().pages().size();
        assertThat(kept).isBetween(2, 13);
        assertThat(lookup("#scanMessage").queryLabeled().getText()).contains("Scan stopped");
        assertThat(lookup("#scanButton").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#fileButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void settingsLockedByItAreReadOnlyAndEveryControlIsLabelledAndReachableByKeyboard() throws Exception {
        open(null, Duration.ZERO, Set.of("edms"));
        clickOn("#settingsTab");
        TextField url = lookup("#setting-edms-cmisUrl").queryAs(TextField.class);
        assertThat(url.isEditable()).isFalse();
        clickOn(url).write("x");
        assertThat(url.getText()).isEmpty();
        assertThat(url.getAccessibleText()).contains("Read-only").contains("locked by IT");
        TextField csv = lookup("#setting-patientIndex-csv").queryAs(TextField.class);
        assertThat(csv.isEditable()).as("where patients come from: a supervisor's to change").isFalse();
        assertThat(csv.getAccessibleText()).contains("supervisor");

        // every control on every screen is focus-traversable and says what it is
        for (String tab : new String[]{"#scanTab", "#reviewTab", "#uploadTab", "#settingsTab"}) {
            clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            for (Control c : controls(window.scene().getRoot())) {
                if (c instanceof Button || c instanceof ComboBox || c instanceof TextField || c instanceof ListView) {
                    assertThat(c.isFocusTraversable()).as(c.getId()).isTrue();
                    assertThat(c.getAccessibleText() != null || labelled(c)).as("accessible text of " + c.getId()).isTrue();
                }
            }
        }
        // the Tab key walks through the scan screen's controls
        clickOn("#scanTab");
        clickOn("#deviceChoice");
        type(KeyCode.ESCAPE);
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            type(KeyCode.TAB);
            Node f = window.scene().getFocusOwner();
            visited.add(f == null ? "none" : String.valueOf(f.getId()));
        }
        assertThat(visited).contains("profileChoice", "scanButton", "pageStrip");
    }

    /** A button's own text is its accessible name; other controls need accessible text or a label. */
    private boolean labelled(Control c) {
        if (c instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return true;
        }
        return lookup(n -> n instanceof Label l && l.getLabelFor() == c).tryQuery().isPresent();
    }

    private static List<Control> controls(Parent root) {
        List<Control> out = new ArrayList<>();
        for (Node n : root.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n.getScene() == null || !n.isManaged() && !n.isVisible()) {
                continue;
            }
            if (n instanceof Control c && c.isVisible() && c.getId() != null) {
                out.add(c);
            }
            if (n instanceof Parent p && !(n instanceof ComboBox)) {
                out.addAll(controls(p));
            }
        }
        return out;
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
