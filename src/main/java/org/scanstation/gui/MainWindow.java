package org.scanstation.gui;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.gui.review.ReviewView;
import org.scanstation.gui.review.ReviewViewModel;
import org.scanstation.gui.scan.ScanView;
import org.scanstation.gui.scan.ScanViewModel;
import org.scanstation.gui.settings.SettingsView;
import org.scanstation.gui.settings.SettingsViewModel;
import org.scanstation.gui.upload.UploadQueueView;
import org.scanstation.gui.upload.UploadQueueViewModel;
import org.scanstation.station.Station;

/**
 * The station's window: header (station, who is signed in, EDMS connection), the four screens as
 * tabs, keyboard shortcuts, and the close guard (work in flight asks; nothing is lost either way).
 */
public final class MainWindow {

    public static final String TITLE = "ScanStation";
    private static final Logger LOG = Logger.getLogger(MainWindow.class.getName());

    private final Station station;
    private final SessionViewModel session;
    private final ScanViewModel scan;
    private final ReviewViewModel review;
    private final UploadQueueViewModel uploads;
    private final SettingsViewModel settings;
    private final Executor background;
    private final TabPane tabs = new TabPane();
    private final Scene scene;
    private Runnable afterClose = Platform::exit;

    public MainWindow(Station station, EffectiveConfig config, Path userFile, Executor background) {
        this.station = station;
        this.background = background;
        Executor ui = Platform::runLater;
        String clerk = System.getProperty("user.name", "clerk");
        session = new SessionViewModel(station.accounts(), clerk);
        scan = new ScanViewModel(station, session, ui, background);
        review = new ReviewViewModel(station, session, ui, background);
        uploads = new UploadQueueViewModel(station, ui, background);
        settings = new SettingsViewModel(config, userFile);

        Tab scanTab = tab("Scan", "scanTab", new ScanView(scan));
        Tab reviewTab = tab("Review", "reviewTab", new ReviewView(review));
        Tab uploadTab = tab("Upload queue", "uploadTab", new UploadQueueView(uploads));
        Tab settingsTab = tab("Settings", "settingsTab", new SettingsView(settings));
        review.items().addListener((javafx.collections.ListChangeListener<Object>) c ->
                reviewTab.setText(review.items().isEmpty() ? "Review" : "Review (" + review.items().size() + ")"));
        tabs.getTabs().addAll(scanTab, reviewTab, uploadTab, settingsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("screens");

        BorderPane root = new BorderPane(tabs);
        root.setTop(header());
        root.getStyleClass().add("root-pane");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1560, screen.getWidth()), Math.min(960, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("station.css").toExternalForm());
        shortcuts();
        scan.loadDevices();
        review.refresh();
        uploads.refresh();
    }

    private HBox header() {
        Label name = new Label(TITLE);
        name.getStyleClass().add("app-name");
        Label who = new Label();
        who.setId("whoLabel");
        who.textProperty().bind(session.whoProperty());
        Label connection = new Label();
        connection.setId("headerConnection");
        connection.textProperty().bind(uploads.connectionProperty());
        uploads.onlineProperty().addListener((o, a, b) -> online(connection, b));
        online(connection, uploads.onlineProperty().get());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(18, name, gap, who, connection);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }

    private static void online(Label l, boolean online) {
        l.getStyleClass().removeAll("online", "offline");
        l.getStyleClass().addAll("connection", online ? "online" : "offline");
    }

    private static Tab tab(String text, String id, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    private void shortcuts() {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), scan::scan);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), scan::stop);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), scan::fileBatch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), scan::rescanSelected);
        for (int i = 0; i < 4; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(index));
        }
    }

    /** Shows the window on {@code stage} with the close guard. */
    public void show(Stage stage) {
        stage.setTitle(TITLE + " \u2013 scanning station");
        stage.setScene(scene);
        stage.setOnCloseRequest(this::closeRequested);
        stage.show();
    }

    /** What happens once the window is closed (exit the app by default; tests replace it). */
    public void setAfterClose(Runnable action) {
        this.afterClose = action;
    }

    private void closeRequested(WindowEvent e) {
        e.consume();
        if (!station.hasWorkInFlight()) {
            shutDown((Stage) scene.getWindow());
            return;
        }
        ButtonType finish = new ButtonType("Finish and close", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep working", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, closeQuestion(), finish, keep);
        ask.setTitle(TITLE);
        ask.setHeaderText("Work is still in progress");
        ask.initOwner(scene.getWindow());
        ask.showAndWait().filter(finish::equals).ifPresent(b -> shutDown((Stage) scene.getWindow()));
    }

    /** The question asked when closing with work in flight. */
    public String closeQuestion() {
        StringBuilder s = new StringBuilder();
        if (station.isScanning()) {
            s.append("A scan is running. ");
        }
        if (!station.openPages().isEmpty()) {
            s.append(station.openPages().size()).append(" scanned pages are not filed yet. ");
        }
        s.append("\n\nFinish and close: the scan stops and a batch being filed is finished. Pages not filed yet stay "
                + "in the encrypted store and are back on this screen at the next start; documents still waiting "
                + "upload then. Nothing is lost.");
        return s.toString();
    }

    private void shutDown(Stage stage) {
        scene.getRoot().setDisable(true);
        background.execute(() -> {
            try {
                station.close(); // waits until no work runs: the store is never closed under a filing
            } catch (Exception ex) {
                LOG.log(Level.WARNING, "the station did not close cleanly; the next start recovers the store", ex);
            }
            Platform.runLater(() -> {
                stage.hide();
                afterClose.run();
            });
        });
    }

    public Scene scene() {
        return scene;
    }

    public ScanViewModel scanViewModel() {
        return scan;
    }

    public ReviewViewModel reviewViewModel() {
        return review;
    }

    public UploadQueueViewModel uploadViewModel() {
        return uploads;
    }

    public SessionViewModel session() {
        return session;
    }
}
