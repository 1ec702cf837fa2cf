package org.scanstation.gui;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scanstation.files.NoPlaintextTempFiles;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.station.Station;
import org.scanstation.station.StationException;
import org.scanstation.station.StationFactory;

/**
 * The JavaFX application: loads the configuration and opens the station in the background (the
 * window shows at once), then shows {@link MainWindow}. A start-up problem is shown as a sentence,
 * never a stack trace. Loaded only when the jar runs with no arguments.
 */
public final class StationApp extends Application {

    private static final Logger LOG = Logger.getLogger(StationApp.class.getName());

    /** Station work (scans, filing, decisions): one thread. */
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> daemon(r, "station-work"));
    /** Screen refreshes (queue lists, device lists): one thread, so they never wait behind a scan. */
    private final ExecutorService loads = Executors.newSingleThreadExecutor(r -> daemon(r, "station-loads"));

    public static void launchApp(String[] args) {
        NoPlaintextTempFiles.apply();
        Application.launch(StationApp.class, args);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void start(Stage stage) {
        NoPlaintextTempFiles.apply();
        ProgressIndicator spinner = new ProgressIndicator();
        Label text = new Label("Starting ScanStation: loading the patient index and the text recognition ...");
        VBox box = new VBox(16, spinner, text);
        box.setPadding(new Insets(40));
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(new Scene(box, 1560, 960));
        stage.show();
        loads.execute(() -> {
            try {
                EffectiveConfig config = new ConfigLoader().load();
                Station station = StationFactory.open(config, StationFactory.Defaults.standard(), work);
                station.start();
                Platform.runLater(() -> new MainWindow(station, config, ConfigLoader.userFile(), loads).show(stage));
            } catch (ConfigException | StationException e) {
                Platform.runLater(() -> fail(stage, e.getMessage()));
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "the station could not start", e);
                Platform.runLater(() -> fail(stage, "The station could not start: " + e.getMessage()));
            }
        });
    }

    private static void fail(Stage stage, String message) {
        Label text = new Label(Shown.message(message));
        text.setWrapText(true);
        Button close = new Button("Close");
        close.setOnAction(e -> Platform.exit());
        VBox box = new VBox(16, new Label("ScanStation cannot start"), text, close);
        box.setPadding(new Insets(40));
        stage.setScene(new Scene(box, 900, 300));
    }

    @Override
    public void stop() {
        work.shutdownNow();
        loads.shutdownNow();
    }

}
