package org.scanstation.gui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.files.NoPlaintextTempFiles;
import org.scanstation.station.Station;
import org.scanstation.station.StationException;
import org.scanstation.station.StationFactory;
import org.scanstation.station.StationStartException;

/**
 * The JavaFX application: loads the configuration and opens the station in the background (the window
 * shows at once), then shows {@link MainWindow}. A station whose patient index cannot be opened still
 * opens: it says what is wrong and lets a supervisor (or IT) put the setting right and start again
 * ({@link StartupProblemView}). Any other start-up problem is shown as a sentence, never a stack trace.
 * Loaded only when the jar runs with no arguments.
 */
public final class StationApp extends Application {

    private static final Logger LOG = Logger.getLogger(StationApp.class.getName());

    /** Station work (scans, filing, decisions): one thread. */
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> daemon(r, "station-work"));
    /** Screen refreshes (queue lists, device lists, pages to show): one thread, so they never wait behind a scan. */
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
        stage.setTitle(MainWindow.TITLE);
        Rectangle2D place = MainWindow.placement(javafx.stage.Screen.getPrimary().getVisualBounds());
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
        stage.setScene(new Scene(starting(), place.getWidth(), place.getHeight()));
        stage.show();
        open(stage);
    }

    private static VBox starting() {
        VBox box = new VBox(16, new ProgressIndicator(),
                new Label("Starting ScanStation: loading the patient index and the text recognition ..."));
        box.setPadding(new Insets(40));
        return box;
    }

    /** Loads the configuration and opens the station (in the background), then shows the window or the problem. */
    private void open(Stage stage) {
        loads.execute(() -> {
            EffectiveConfig config = null;
            try {
                config = new ConfigLoader().load();
                Station station = StationFactory.open(config, StationFactory.Defaults.standard(), work);
                station.start();
                EffectiveConfig loaded = config;
                Platform.runLater(() -> new MainWindow(station, loaded, ConfigLoader.userFile(), loads).show(stage));
            } catch (StationStartException e) {
                EffectiveConfig loaded = config;
                Platform.runLater(() -> {
                    if (e.part() == StationStartException.Part.PATIENT_INDEX && loaded != null) {
                        problem(stage, e.getMessage(), loaded);
                    } else {
                        fail(stage, e.getMessage());
                    }
                });
            } catch (ConfigException | StationException e) {
                Platform.runLater(() -> fail(stage, e.getMessage()));
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "the station could not start", e);
                Platform.runLater(() -> fail(stage, "The station could not start: " + e.getMessage()));
            }
        });
    }

    private void problem(Stage stage, String message, EffectiveConfig config) {
        StartupProblemView view = new StartupProblemView(message, config, ConfigLoader.userFile(), () -> {
            stage.getScene().setRoot(starting());
            open(stage);
        }, Platform::runLater, loads);
        Scene scene = new Scene(view, stage.getScene().getWidth(), stage.getScene().getHeight());
        scene.getStylesheets().add(MainWindow.class.getResource("station.css").toExternalForm());
        stage.setScene(scene);
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
