package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.scan.driver.twain.TwainFixture;
import org.scanstation.station.Station;
import org.scanstation.station.StationFactory;
import org.scanstation.station.StationFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window (Monocle, headless) with the real station behind it, scanning from the TWAIN
 * fixture: the TWAIN source appears in the scanner list, the clerk picks it, scans, and stops a long
 * feed with Esc; the pages received are kept and the source can be used again at once.
 */
class TwainWindowTest extends FxRobot {

    private static final String TWAIN_NAME = "TWAIN Working Group TWAIN2 Software Scanner (TWAIN)";

    @TempDir
    Path dir;
    final ExecutorService work = Executors.newSingleThreadExecutor();
    final ExecutorService loads = Executors.newSingleThreadExecutor();
    Station station;
    MainWindow window;

    void open() throws Exception {
        StationConfig base = StationFixture.config(dir, null);
        StationConfig.Scanner scanner = new StationConfig.Scanner("demo", List.of(), List.of(),
                List.of(new StationConfig.ScanProfile("Quick check (grey, feeder, 100 dpi)", 100, "gray", "adf")),
                TwainFixture.dsm().toString());
        StationConfig cfg = new StationConfig(base.stationId(), base.edms(), base.patientIndex(), base.analysis(),
                base.store(), scanner, base.users(), base.locked());
        EffectiveConfig effective = StationFixture.effective(cfg, Set.of());
        station = StationFactory.open(effective, new StationFactory.Defaults(Path.of("samples"), java.time.Duration.ZERO), work);
        station.start();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(station, effective, dir.resolve("settings.json"), loads);
            window.setAfterClose(() -> { });
            window.show(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
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

    private void chooseTheTwainScanner() throws Exception {
        waitUntil(60, () -> window.scanViewModel().devices().stream().anyMatch(d -> d.name().equals(TWAIN_NAME)));
        clickOn("#deviceChoice");
        clickOn(TWAIN_NAME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.scanViewModel().deviceProperty().get().uri()).isEqualTo(TwainFixture.DEVICE);
    }

    @Test
    void scansThroughTwainFromTheWindow() throws Exception {
        open();
        chooseTheTwainScanner();
        TwainFixture.feederHolds(3);

        clickOn("#scanButton");
        waitUntil(120, () -> !station.isScanning() && window.scanViewModel().pages().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#scanMessage").queryLabeled().getText()).isEqualTo("Scan finished: 3 pages.");
        for (Node cell : lookup(".tile-status").queryAll()) {
            // a logo page without a patient label is never filed automatically
            assertThat(((Label) cell).getText()).isIn("? Needs review", "\u25cb Blank");
        }
        assertThat(window.scanViewModel().pages()).extracting(t -> t.number()).containsExactly(1, 2, 3);
    }

    @Test
    void escapeStopsALongFeedKeepsThePagesAndTheScannerCanBeUsedAgain() throws Exception {
        open();
        chooseTheTwainScanner();
        TwainFixture.feederHolds(30);

        type(KeyCode.F5);
        waitUntil(120, () -> window.scanViewModel().pages().size() >= 1);
        type(KeyCode.ESCAPE);
        waitUntil(120, () -> !station.isScanning() && !window.scanViewModel().scanningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        int kept = window.scanViewModel().pages().size();
        assertThat(kept).isBetween(1, 29);
        assertThat(lookup("#scanMessage").queryLabeled().getText()).isEqualTo("Scan stopped: " + kept + " pages kept.");

        TwainFixture.feederHolds(2);
        type(KeyCode.F5);
        waitUntil(120, () -> !station.isScanning() && window.scanViewModel().pages().size() == kept + 2);
        assertThat(lookup("#scanMessage").queryLabeled().getText()).isEqualTo("Scan finished: 2 pages.");
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
