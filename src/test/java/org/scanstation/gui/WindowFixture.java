package org.scanstation.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.station.Station;
import org.scanstation.station.StationFactory;
import org.scanstation.station.StationFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real station window on the real station (Monocle, headless) for the TestFX tests: a temporary store,
 * the sample patient index, the folder scanner on a few pages copied for the test, an optional CMIS server.
 */
final class WindowFixture implements AutoCloseable {

    final Path dir;
    final ExecutorService work = Executors.newSingleThreadExecutor();
    final ExecutorService loads = Executors.newSingleThreadExecutor();
    final Station station;
    final EffectiveConfig config;
    MainWindow window;
    Stage stage;

    private WindowFixture(Path dir, StationConfig cfg) {
        this.dir = dir;
        this.config = StationFixture.effective(cfg, Set.of());
        this.station = StationFactory.open(config, new StationFactory.Defaults(Path.of("samples"), Duration.ZERO), work);
    }

    /** A station on {@code dir} (offline when {@code cmisUrl} is null), its window shown on a screen of {@code width} x {@code height}. */
    static WindowFixture open(Path dir, String cmisUrl, double width, double height) throws Exception {
        return open(dir, StationFixture.config(dir, cmisUrl), width, height);
    }

    /** A station with these settings, its window shown on a screen of {@code width} x {@code height}. */
    static WindowFixture open(Path dir, StationConfig cfg, double width, double height) throws Exception {
        WindowFixture f = new WindowFixture(dir, cfg);
        f.station.start();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            f.stage = stage;
            f.window = new MainWindow(f.station, f.config, dir.resolve("settings.json"), f.loads);
            f.window.setAfterClose(() -> { });
            f.window.show(stage, new Rectangle2D(0, 0, width, height));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return f;
    }

    static WindowFixture open(Path dir, String cmisUrl) throws Exception {
        return open(dir, cmisUrl, 1600, 1000);
    }

    /** Copies demo sample pages (e.g. "0014") into a folder of their own; returns the folder scanner's URI. */
    static String pages(Path dir, String folder, String... samples) throws IOException {
        Path pages = Files.createDirectories(dir.resolve(folder));
        for (String n : samples) {
            Files.copy(Path.of("samples/batch", n + ".jpg"), pages.resolve(n + ".jpg"));
        }
        return "folder:" + pages;
    }

    /** Chooses the scanner {@code uri} (added to the list as the drivers would) and a profile the folder scanner can do. */
    void useScanner(FxRobot robot, String uri) {
        robot.interact(() -> {
            var scan = window.scanViewModel();
            scan.devices().add(new org.scanstation.gui.scan.ScanViewModel.DeviceChoice(uri, uri));
            scan.deviceProperty().set(scan.devices().get(scan.devices().size() - 1));
            scan.profileProperty().set(scan.profiles().stream().filter(p -> "adf".equals(p.source())).findFirst()
                    .orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scans with F5 from the chosen scanner and waits until {@code pages} pages are shown. */
    void scanWithF5(FxRobot robot, int pages) throws Exception {
        robot.clickOn("#scanTab");
        robot.type(javafx.scene.input.KeyCode.F5);
        waitUntil(120, () -> !station.isScanning() && window.scanViewModel().pages().size() == pages);
    }

    /** Windows other than the station's own that are showing (dialogs). */
    List<Window> dialogs() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).toList();
    }

    /** Closes every dialog as if cancelled. */
    void closeDialogs(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (Window w : dialogs()) {
            robot.interact(w::hide);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        station.close();
        work.shutdownNow();
        loads.shutdownNow();
        work.awaitTermination(10, TimeUnit.SECONDS);
    }
}
