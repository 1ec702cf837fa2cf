package org.scanstation.gui;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.gui.review.ReviewView;
import org.scanstation.gui.review.ReviewViewModel;
import org.scanstation.gui.scan.ScanView;
import org.scanstation.gui.scan.ScanViewModel;
import org.scanstation.gui.settings.SettingsView;
import org.scanstation.gui.settings.SettingsViewModel;
import org.scanstation.gui.upload.UploadQueueView;
import org.scanstation.gui.upload.UploadQueueViewModel;
import org.scanstation.gui.viewer.PageViewerModel;
import org.scanstation.station.Station;

/**
 * The station's window: header (the clerk, a supervisor signed in, the EDMS connection), the four screens
 * as tabs, keyboard shortcuts that act only on the screen shown ({@link Shortcuts}), the supervisor's idle
 * sign-out, a size and place that fit the screen it opens on (at least 1280 x 720 where the screen allows),
 * and the close guard (work in flight asks; "Finish and close" shows what it waits for; nothing is lost).
 */
public final class MainWindow {

    public static final String TITLE = "ScanStation";
    /** The smallest window the screens are laid out for. */
    public static final double MIN_WIDTH = 1280;
    public static final double MIN_HEIGHT = 720;
    private static final double PREFERRED_WIDTH = 1600;
    private static final double PREFERRED_HEIGHT = 1000;
    private static final Logger LOG = Logger.getLogger(MainWindow.class.getName());

    private final Station station;
    private final SessionViewModel session;
    private final ScanViewModel scan;
    private final ReviewViewModel review;
    private final UploadQueueViewModel uploads;
    private final SettingsViewModel settings;
    private final Executor background;
    private final TabPane tabs = new TabPane();
    private final Shortcuts shortcuts = new Shortcuts();
    private final Scene scene;
    private final Timeline idleCheck;
    private Runnable afterClose = Platform::exit;

    public MainWindow(Station station, EffectiveConfig config, Path userFile, Executor background) {
        this(station, config, userFile, background, Platform::runLater);
    }

    MainWindow(Station station, EffectiveConfig config, Path userFile, Executor background, Executor ui) {
        this.station = station;
        this.background = background;
        String clerk = System.getProperty("user.name", "clerk");
        session = new SessionViewModel(station.accounts(), clerk, station.supervisorIdle(), java.time.Clock.systemUTC());
        scan = new ScanViewModel(station, session, ui, background);
        review = new ReviewViewModel(station, session, ui, background);
        uploads = new UploadQueueViewModel(station, session, ui, background);
        settings = new SettingsViewModel(config, userFile, session, ui, background);
        scan.devices().addListener((ListChangeListener<ScanViewModel.DeviceChoice>) c -> scan.devices().forEach(d -> {
            if (!settings.scanners().contains(d.uri())) {
                settings.scanners().add(d.uri());
            }
        }));

        Tab scanTab = tab(Screen.SCAN, "scanTab", new ScanView(scan));
        Tab reviewTab = tab(Screen.REVIEW, "reviewTab", new ReviewView(review));
        Tab uploadTab = tab(Screen.UPLOAD, "uploadTab", new UploadQueueView(uploads));
        Tab settingsTab = tab(Screen.SETTINGS, "settingsTab", new SettingsView(settings));
        review.items().addListener((ListChangeListener<Object>) c ->
                reviewTab.setText(review.items().isEmpty() ? "Review" : "Review (" + review.items().size() + ")"));
        scan.rescans().addListener((ListChangeListener<Object>) c ->
                scanTab.setText(scan.rescans().isEmpty() ? "Scan" : "Scan (" + scan.rescans().size() + " to rescan)"));
        tabs.getTabs().addAll(scanTab, reviewTab, uploadTab, settingsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("screens");
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> focusFirst(shown()));

        BorderPane root = new BorderPane(tabs);
        root.setTop(header());
        root.getStyleClass().add("root-pane");
        Rectangle2D place = placement(javafx.stage.Screen.getPrimary().getVisualBounds());
        scene = new Scene(root, place.getWidth(), place.getHeight());
        scene.getStylesheets().add(MainWindow.class.getResource("station.css").toExternalForm());
        registerShortcuts();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> shortcuts.dispatch(e, shown(), scene.getFocusOwner()));
        scene.addEventFilter(InputEvent.ANY, e -> session.touch());
        idleCheck = new Timeline(new KeyFrame(Duration.seconds(15), e -> session.checkIdle()));
        idleCheck.setCycleCount(Timeline.INDEFINITE);
        idleCheck.play();
        scan.loadDevices();
        review.refresh();
        uploads.refresh();
    }

    private HBox header() {
        Label name = new Label(TITLE);
        name.getStyleClass().add("app-name");
        name.setMinWidth(Label.USE_PREF_SIZE);
        Label who = new Label();
        who.setId("whoLabel");
        who.textProperty().bind(session.whoProperty());
        who.setMinWidth(Label.USE_PREF_SIZE);
        Label connection = new Label();
        connection.setId("headerConnection");
        connection.textProperty().bind(uploads.connectionProperty());
        connection.setMinWidth(120);
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

    private static Tab tab(Screen screen, String id, Node content) {
        Tab t = new Tab(screen.title(), content);
        t.setId(id);
        t.setUserData(screen);
        return t;
    }

    /** The screen shown now. */
    public Screen shown() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? Screen.SCAN : (Screen) t.getUserData();
    }

    private void show(Screen s) {
        tabs.getSelectionModel().select(s.ordinal());
    }

    private void registerShortcuts() {
        shortcuts.add(Screen.ANY, Keys.SCAN_SCREEN, "show the Scan screen", () -> show(Screen.SCAN));
        shortcuts.add(Screen.ANY, Keys.REVIEW_SCREEN, "show the Review screen", () -> show(Screen.REVIEW));
        shortcuts.add(Screen.ANY, Keys.UPLOAD_SCREEN, "show the Upload queue", () -> show(Screen.UPLOAD));
        shortcuts.add(Screen.ANY, Keys.SETTINGS_SCREEN, "show the Settings", () -> show(Screen.SETTINGS));

        shortcuts.add(Screen.SCAN, Keys.SCAN, "scan", scan::scan);
        shortcuts.add(Screen.SCAN, Keys.STOP, "stop the scan", scan::stop);
        shortcuts.add(Screen.SCAN, Keys.FILE_BATCH, "file the batch", scan::fileBatch);
        shortcuts.add(Screen.SCAN, Keys.DELETE_PAGES, "delete the selected pages", scan::deleteSelected);
        shortcuts.add(Screen.SCAN, Keys.UNDO_DELETE, "bring back the pages deleted last", scan::undoDelete);
        shortcuts.add(Screen.SCAN, Keys.RESCAN_PAGE, "rescan the selected page in its place", scan::rescanSelected);
        shortcuts.add(Screen.SCAN, Keys.STARTS_NEW, "the selected page starts a new document", scan::startsNewDocument);
        shortcuts.add(Screen.SCAN, Keys.JOINS_PREVIOUS, "the selected page joins the document before it",
                scan::joinsPreviousDocument);
        shortcuts.add(Screen.SCAN, Keys.TURN, "turn the selected page a quarter", scan::turnSelected);
        shortcuts.add(Screen.SCAN, Keys.MOVE_EARLIER, "move the selected pages earlier", () -> scan.moveSelected(-1));
        shortcuts.add(Screen.SCAN, Keys.MOVE_LATER, "move the selected pages later", () -> scan.moveSelected(1));

        EnumSet<Screen> viewers = EnumSet.of(Screen.SCAN, Screen.REVIEW);
        shortcuts.add(viewers, Keys.PREVIOUS_PAGE, "previous page", s -> {
            if (s == Screen.SCAN) {
                scan.selectNext(-1);
            } else {
                review.viewer().previousPage();
            }
        });
        shortcuts.add(viewers, Keys.NEXT_PAGE, "next page", s -> {
            if (s == Screen.SCAN) {
                scan.selectNext(1);
            } else {
                review.viewer().nextPage();
            }
        });
        shortcuts.add(viewers, Keys.FIT_PAGE, "fit the page", s -> viewer(s).fitPage());
        shortcuts.add(viewers, Keys.FIT_WIDTH, "fit the width", s -> viewer(s).fitWidth());
        shortcuts.add(viewers, Keys.ACTUAL_SIZE, "show the page at 100 %", s -> viewer(s).actualSize());
        shortcuts.add(viewers, Keys.ZOOM_IN, "zoom in", s -> viewer(s).zoomIn());
        shortcuts.add(viewers, Keys.ZOOM_OUT, "zoom out", s -> viewer(s).zoomOut());

        shortcuts.add(Screen.REVIEW, Keys.ACCEPT, "accept the candidate (asks to confirm)", review::accept);
        shortcuts.add(Screen.REVIEW, Keys.FILE_TO_CHOSEN, "file to the chosen patient (asks to confirm)",
                review::assignChosen);
        shortcuts.add(Screen.REVIEW, Keys.UNIDENTIFIABLE, "mark unidentifiable (asks to confirm)",
                review::markUnidentifiable);
        shortcuts.add(Screen.REVIEW, Keys.SEND_BACK, "send back for rescanning (asks to confirm)", review::sendForRescan);
        shortcuts.add(Screen.REVIEW, Keys.UNDO_DECISION, "undo the last decision", review::undoLast);
        shortcuts.add(Screen.REVIEW, Keys.FIND_PATIENT, "search the patient index", () -> focus("#patientSearch"));
        shortcuts.add(Screen.REVIEW, Keys.SIGN_IN, "sign in as supervisor", () -> focus("#signInName"));

        shortcuts.add(Screen.UPLOAD, Keys.RETRY_NOW, "retry now", uploads::retryNow);

        shortcuts.add(Screen.SETTINGS, Keys.SAVE_SETTINGS, "save the settings", settings::save);
        shortcuts.add(Screen.SETTINGS, Keys.TEST_CONNECTION, "test the EDMS connection", settings::testConnection);
    }

    private PageViewerModel viewer(Screen s) {
        return s == Screen.SCAN ? scan.viewer() : review.viewer();
    }

    private void focus(String selector) {
        Node n = scene.lookup(selector);
        if (n != null && n.isVisible() && !n.isDisabled()) {
            n.requestFocus();
        }
    }

    /** Puts the focus where the next action on the screen is. */
    private void focusFirst(Screen s) {
        Platform.runLater(() -> {
            switch (s) {
                case SCAN -> focus(scan.pages().isEmpty() ? "#scanButton" : "#pageStrip");
                case REVIEW -> focus(!session.supervisorSignedIn().get() && session.hasSupervisorAccounts()
                        ? "#signInName" : review.items().isEmpty() ? "#reviewQueue"
                        : review.selectedProperty().get() != null && review.selectedProperty().get().candidate() != null
                        ? "#acceptButton" : "#patientSearch");
                case UPLOAD -> focus("#retryButton");
                case SETTINGS -> focus("#setting-edms-cmisUrl");
                default -> {
                }
            }
        });
    }

    /**
     * Where the window goes on a screen: {@value #PREFERRED_WIDTH} x {@value #PREFERRED_HEIGHT} when it fits, else
     * the whole visible area (never larger than the screen), centred on it.
     */
    public static Rectangle2D placement(Rectangle2D visible) {
        double w = Math.min(PREFERRED_WIDTH, visible.getWidth());
        double h = Math.min(PREFERRED_HEIGHT, visible.getHeight());
        return new Rectangle2D(visible.getMinX() + (visible.getWidth() - w) / 2,
                visible.getMinY() + (visible.getHeight() - h) / 2, w, h);
    }

    /** Shows the window on {@code stage}, sized and placed for the primary screen, with the close guard. */
    public void show(Stage stage) {
        show(stage, javafx.stage.Screen.getPrimary().getVisualBounds());
    }

    /** Shows the window on {@code stage} sized and placed for a screen whose visible area is {@code visible}. */
    public void show(Stage stage, Rectangle2D visible) {
        stage.setTitle(TITLE + " \u2013 scanning station");
        stage.setScene(scene);
        stage.setOnCloseRequest(this::closeRequested);
        Rectangle2D place = placement(visible);
        stage.setMinWidth(Math.min(MIN_WIDTH, visible.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, visible.getHeight()));
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
        stage.setWidth(place.getWidth());
        stage.setHeight(place.getHeight());
        stage.show();
        keepOnScreen(stage);
        javafx.stage.Screen.getScreens().addListener((ListChangeListener<javafx.stage.Screen>) c -> keepOnScreen(stage));
        focusFirst(shown());
    }

    /** A window no screen shows (a monitor unplugged, a saved place off the desk) comes back on the primary screen. */
    static void keepOnScreen(Stage stage) {
        List<javafx.stage.Screen> on = javafx.stage.Screen.getScreensForRectangle(stage.getX(), stage.getY(),
                Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight()));
        if (on.isEmpty()) {
            Rectangle2D place = placement(javafx.stage.Screen.getPrimary().getVisualBounds());
            stage.setX(place.getMinX());
            stage.setY(place.getMinY());
        }
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
        List<String> running = station.workInProgress();
        if (!running.isEmpty()) {
            s.append("Running now: ").append(String.join("; ", running)).append(". ");
        }
        s.append("\n\nFinish and close: the scan stops and a batch being filed is finished. Pages not filed yet stay "
                + "in the encrypted store and are back on this screen at the next start; documents still waiting "
                + "upload then. Nothing is lost.");
        return s.toString();
    }

    /** "Finish and close": the window shows what it still waits for, then closes the station and itself. */
    private void shutDown(Stage stage) {
        Label waiting = new Label("Closing ...");
        waiting.setId("closingWaitsFor");
        waiting.setWrapText(true);
        waiting.setMaxWidth(700);
        VBox box = new VBox(16, new Label("Finishing before the station closes; nothing is lost."),
                new ProgressIndicator(), waiting);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.getStyleClass().add("closing");
        ((BorderPane) scene.getRoot()).setCenter(box);
        scene.getRoot().setDisable(false);
        Timeline progress = new Timeline(new KeyFrame(Duration.millis(400), e -> waiting.setText(waitsFor())));
        progress.setCycleCount(Timeline.INDEFINITE);
        progress.play();
        waiting.setText(waitsFor());
        idleCheck.stop();
        background.execute(() -> {
            try {
                station.close(); // waits until no work runs: the store is never closed under a filing
            } catch (Exception ex) {
                LOG.log(Level.WARNING, "the station did not close cleanly; the next start recovers the store", ex);
            }
            Platform.runLater(() -> {
                progress.stop();
                stage.hide();
                afterClose.run();
            });
        });
    }

    private String waitsFor() {
        List<String> running = station.workInProgress();
        if (station.isScanning()) {
            return "Waiting for the scan to stop (the pages scanned so far are kept).";
        }
        return running.isEmpty() ? "Closing the document store and the EDMS connection ..."
                : "Waiting for: " + String.join("; ", running) + ".";
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

    public SettingsViewModel settingsViewModel() {
        return settings;
    }

    public SessionViewModel session() {
        return session;
    }

    public Shortcuts shortcuts() {
        return shortcuts;
    }
}
