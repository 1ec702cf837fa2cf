package org.scanstation.gui.scan;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.scanstation.config.StationConfig;
import org.scanstation.gui.ConfirmationDialog;
import org.scanstation.gui.Images;
import org.scanstation.gui.Keys;
import org.scanstation.gui.Shortcuts;
import org.scanstation.gui.Shown;
import org.scanstation.gui.viewer.PageViewer;
import org.scanstation.station.DayFormat;
import org.scanstation.station.RescanItem;

/** The scan screen (clerk). All logic is in {@link ScanViewModel}. */
public final class ScanView extends BorderPane {

    private static final DataFormat PAGE_IDS = new DataFormat("application/x-scanstation-page-ids");

    private final ScanViewModel vm;
    private final ListView<PageTile> strip = new ListView<>();
    private final PageViewer viewer;
    private boolean syncing;

    public ScanView(ScanViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        viewer = new PageViewer(vm.viewer(), "scan");
        viewer.setMinWidth(300);
        setTop(top());
        VBox left = left();
        SplitPane split = new SplitPane(left, viewer);
        split.setId("scanSplit");
        split.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(viewer, true);
        BorderPane.setMargin(split, new Insets(8, 0, 0, 0));
        setCenter(split);
        vm.pendingProperty().addListener((o, a, b) -> {
            if (b != null) {
                ConfirmationDialog.ask(this, b, vm::confirm, vm::cancel);
            }
        });
        vm.focusTargetProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                javafx.application.Platform.runLater(() -> {
                    Node n = lookup("#" + b);
                    if (n != null && !n.isDisabled() && isVisible()) {
                        n.requestFocus();
                    }
                });
            }
        });
    }

    private VBox top() {
        ComboBox<ScanViewModel.DeviceChoice> device = new ComboBox<>(vm.devices());
        device.setId("deviceChoice");
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        device.setAccessibleText("Scanner");
        device.setTooltip(new Tooltip("The scanner to scan from"));
        device.setMaxWidth(320);
        Label deviceLabel = new Label("Scanner");
        deviceLabel.setLabelFor(device);

        ComboBox<StationConfig.ScanProfile> profile = new ComboBox<>(vm.profiles());
        profile.setId("profileChoice");
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(StationConfig.ScanProfile p) {
                return p == null ? "" : p.name();
            }

            @Override
            public StationConfig.ScanProfile fromString(String s) {
                return null;
            }
        });
        profile.setAccessibleText("Scan profile");
        Label profileLabel = new Label("Profile");
        profileLabel.setLabelFor(profile);

        Button scan = button("scanButton", "Scan", Keys.SCAN, "Start scanning the pages in the feeder", vm::scan);
        scan.getStyleClass().add("primary");
        // Added before the binding below, so it runs first: as a scan starts the focus goes to the page strip, where
        // the pages arrive. Left on the Scan button as it is disabled it would pass to Stop, and Enter or Space
        // pressed for something else would stop the feeder mid-batch (Escape and a click stop it).
        vm.scanningProperty().addListener((javafx.beans.InvalidationListener) o -> {
            if (vm.scanningProperty().get() && strip != null && getScene() != null) {
                strip.requestFocus();
            }
        });
        scan.disableProperty().bind(vm.scanningProperty());
        Button stop = button("stopButton", "Stop", Keys.STOP, "Stop the scan; pages already scanned are kept", vm::stop);
        stop.disableProperty().bind(vm.scanningProperty().not());
        Button file = button("fileButton", "File batch", Keys.FILE_BATCH,
                "Send auto-filed documents to the upload queue and held ones to review", vm::fileBatch);
        file.disableProperty().bind(vm.canFile().not());
        Button clear = button("clearBatchButton", "Clear batch", null,
                "Take every page out of this batch (asks first; Undo brings them back)", vm::clearBatch);
        clear.disableProperty().bind(vm.scanningProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.pages())));

        FlowPane bar = new FlowPane(10, 8, deviceLabel, device, profileLabel, profile, scan, stop, file, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");

        Label warning = banner("profileWarning", "warning");
        warning.textProperty().bind(vm.profileWarningProperty().map(w -> w.isEmpty() ? "" : "\u26a0 " + w));
        warning.visibleProperty().bind(vm.profileWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Label rescan = banner("rescanBanner", "info");
        rescan.textProperty().bind(vm.rescanTextProperty());
        rescan.visibleProperty().bind(vm.rescanTextProperty().isNotEmpty());
        rescan.managedProperty().bind(rescan.visibleProperty());
        return new VBox(6, bar, warning, rescan, todo());
    }

    /** The supervisor's rescan requests: a to-do item per document, naming it and its sheets. */
    private VBox todo() {
        Label title = new Label("To do: scan these again (sent back by a supervisor)");
        title.getStyleClass().add("section-title");
        ListView<RescanItem> list = new ListView<>(vm.rescans());
        list.setId("rescanTodo");
        list.setAccessibleText("Documents sent back for rescanning");
        list.setPrefHeight(64);
        list.setMinHeight(48);
        list.setCellFactory(l -> new ListCell<>() {
            private final Label text = new Label();
            private final Button done = new Button("Done: rescanned");
            private final HBox box = new HBox(10, text, done);

            {
                box.setAlignment(Pos.CENTER_LEFT);
                text.setWrapText(true);
                HBox.setHgrow(text, Priority.ALWAYS);
                done.setMnemonicParsing(false);
                done.setOnAction(e -> vm.markRescanned(getItem()));
            }

            @Override
            protected void updateItem(RescanItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                text.setText(Character.toUpperCase(item.name().charAt(0)) + item.name().substring(1) + ": "
                        + String.join(", ", item.sheets()) + (item.by() == null ? "" : " \u2013 sent back by " + item.by())
                        + (item.sentAt() == null ? "" : " on " + DayFormat.dayAndTime(item.sentAt())));
                done.setAccessibleText("Done: " + item.name() + " was rescanned");
                setGraphic(box);
            }
        });
        VBox box = new VBox(4, title, list);
        box.getStyleClass().addAll("card", "todo");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.rescans()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label banner(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().addAll("banner", style);
        return l;
    }

    private VBox left() {
        strip.setItems(vm.pages());
        strip.setId("pageStrip");
        strip.setOrientation(Orientation.HORIZONTAL);
        strip.setPrefHeight(232);
        strip.setMinHeight(200);
        strip.setAccessibleText("Scanned pages: select one to see it large, several to delete or move them");
        strip.setPlaceholder(new Label("Pages appear here as they are scanned."));
        strip.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        strip.setCellFactory(l -> new TileCell());
        strip.getSelectionModel().getSelectedItems().addListener((ListChangeListener<PageTile>) c -> selectionChanged());
        vm.pages().addListener((ListChangeListener<PageTile>) c -> {
            restoreSelection();
            if (!vm.pages().isEmpty() && vm.scanningProperty().get()) {
                strip.scrollTo(vm.pages().size() - 1);
            }
        });
        strip.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                openLarge();
                e.consume();
            }
        });
        strip.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openLarge();
            }
        });
        strip.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(PAGE_IDS)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
        });
        strip.setOnDragDropped(e -> {
            dropped(e.getDragboard(), vm.pages().size());
            e.setDropCompleted(true);
            e.consume();
        });

        Label stripTitle = new Label("Pages in this batch");
        stripTitle.getStyleClass().add("section-title");
        stripTitle.setLabelFor(strip);

        Button delete = button("deletePageButton", "Delete", Keys.DELETE_PAGES,
                "Take the selected pages out of this batch (asks first)", vm::deleteSelected);
        delete.disableProperty().bind(vm.hasSelection().not().or(vm.scanningProperty()));
        Button undo = button("undoDeleteButton", "Undo delete", Keys.UNDO_DELETE, "Bring back the pages deleted last",
                vm::undoDelete);
        undo.disableProperty().bind(vm.totalsProperty().map(t -> t.deleted() == 0));
        Button rescan = button("rescanPageButton", "Rescan in place", Keys.RESCAN_PAGE,
                "The next scan replaces the selected page, in its place", vm::rescanSelected);
        rescan.disableProperty().bind(vm.selectedProperty().isNull().or(vm.scanningProperty()));
        Button cancelRescan = button("cancelRescanButton", "Cancel rescan", null, "Keep the page as it is",
                vm::cancelRescan);
        cancelRescan.visibleProperty().bind(vm.rescanTextProperty().isNotEmpty());
        cancelRescan.managedProperty().bind(cancelRescan.visibleProperty());
        Button startsNew = button("startsNewButton", "Starts a new document", Keys.STARTS_NEW,
                "The selected page is the first page of a new document", vm::startsNewDocument);
        Button joins = button("joinsPreviousButton", "Joins previous document", Keys.JOINS_PREVIOUS,
                "The selected page belongs to the document before it", vm::joinsPreviousDocument);
        Button asAnalysed = button("asAnalysedButton", "As analysed", null,
                "Place the selected page as the analysis placed it", vm::asAnalysed);
        Button turn = button("turnPageButton", "Turn 90\u00b0", Keys.TURN,
                "Turn the selected page a quarter clockwise and read it again", vm::turnSelected);
        Button earlier = button("moveEarlierButton", "\u25c0 Move", Keys.MOVE_EARLIER,
                "Move the selected pages one place earlier", () -> vm.moveSelected(-1));
        Button later = button("moveLaterButton", "Move \u25b6", Keys.MOVE_LATER,
                "Move the selected pages one place later", () -> vm.moveSelected(1));
        for (Button b : new Button[]{startsNew, joins, asAnalysed, turn}) {
            b.disableProperty().bind(vm.selectedProperty().isNull().or(vm.scanningProperty()));
        }
        for (Button b : new Button[]{earlier, later}) {
            b.disableProperty().bind(vm.hasSelection().not().or(vm.scanningProperty()));
        }
        FlowPane actions = new FlowPane(6, 6, delete, undo, rescan, cancelRescan, startsNew, joins, asAnalysed, turn,
                earlier, later);
        actions.setId("pageActions");

        Label message = new Label();
        message.setId("scanMessage");
        message.textProperty().bind(Shown.message(vm.messageProperty()));
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.setMinHeight(Label.USE_PREF_SIZE);

        Label detail = new Label();
        detail.setId("pageDetail");
        detail.textProperty().bind(vm.selectedTextProperty());
        detail.setWrapText(true);
        detail.getStyleClass().add("detail");
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setId("pageDetailScroll");
        detailScroll.setAccessibleText("The selected page's patient and reasons");
        Label detailTitle = new Label("Selected page");
        detailTitle.getStyleClass().add("section-title");
        VBox selected = new VBox(6, detailTitle, detailScroll);
        VBox.setVgrow(detailScroll, Priority.ALWAYS);
        selected.getStyleClass().add("card");
        selected.setMinWidth(220);
        HBox.setHgrow(selected, Priority.ALWAYS);
        selected.setPrefWidth(300);

        ListView<String> docs = new ListView<>(vm.documents());
        docs.setId("documentList");
        docs.setAccessibleText("Documents in this batch, per patient");
        docs.setPlaceholder(new Label("Documents appear as pages are analysed."));
        docs.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label docsTitle = new Label("Documents per patient");
        docsTitle.getStyleClass().add("section-title");
        docsTitle.setLabelFor(docs);
        VBox documents = new VBox(6, docsTitle, docs);
        documents.getStyleClass().add("card");
        VBox.setVgrow(docs, Priority.ALWAYS);
        documents.setMinWidth(220);
        HBox.setHgrow(documents, Priority.ALWAYS);
        documents.setPrefWidth(400);

        HBox lower = new HBox(10, selected, documents);
        VBox.setVgrow(lower, Priority.ALWAYS);
        lower.setMinHeight(90);

        Label totals = new Label();
        totals.setId("batchTotals");
        totals.textProperty().bind(vm.totalsTextProperty());
        totals.getStyleClass().add("totals");
        totals.setWrapText(true);
        totals.setMinHeight(Label.USE_PREF_SIZE);

        VBox left = new VBox(6, stripTitle, strip, actions, message, lower, totals, progress());
        left.setMinWidth(560);
        left.setPadding(new Insets(0, 8, 0, 0));
        return left;
    }

    private GridPane progress() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("card");
        grid.setId("progressPanel");
        row(grid, 0, 0, "Scanning", "scanProgress", vm.scanProgressProperty(), vm.scanCountProperty());
        row(grid, 0, 3, "Analysis", "analysisProgress", vm.analysisProgressProperty(), vm.analysisCountProperty());
        row(grid, 1, 0, "Text recognition", "ocrProgress", vm.ocrProgressProperty(), vm.ocrCountProperty());
        row(grid, 1, 3, "Upload", "uploadProgress", vm.uploadProgressProperty(), vm.uploadCountProperty());
        return grid;
    }

    private static void row(GridPane grid, int r, int c, String name, String id,
                            javafx.beans.property.DoubleProperty value, javafx.beans.property.StringProperty count) {
        Label label = new Label(name);
        label.setMinWidth(Label.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId(id);
        bar.progressProperty().bind(value);
        bar.setPrefWidth(140);
        bar.setMinWidth(60);
        bar.setAccessibleText(name + " progress");
        label.setLabelFor(bar);
        Label text = new Label();
        text.textProperty().bind(count);
        text.setMinWidth(Label.USE_PREF_SIZE);
        grid.add(label, c, r);
        grid.add(bar, c + 1, r);
        grid.add(text, c + 2, r);
    }

    static Button button(String id, String text, KeyCombination key, String help, Runnable action) {
        String shown = key == null ? text : Shortcuts.withKey(text, key);
        Button b = new Button(shown);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(help));
        b.setAccessibleText(shown + ": " + help);
        return b;
    }

    // ---------------------------------------------------------------- selection and dragging

    private void selectionChanged() {
        if (syncing) {
            return;
        }
        List<Integer> ids = new ArrayList<>();
        for (PageTile t : strip.getSelectionModel().getSelectedItems()) {
            if (t != null) {
                ids.add(t.id());
            }
        }
        vm.selectedIds().setAll(ids);
        PageTile focused = strip.getSelectionModel().getSelectedItem();
        vm.selectedProperty().set(focused);
    }

    /** After the pages were placed again, the same pages stay selected. */
    private void restoreSelection() {
        syncing = true;
        try {
            strip.getSelectionModel().clearSelection();
            PageTile shown = vm.selectedProperty().get();
            for (int i = 0; i < vm.pages().size(); i++) {
                PageTile t = vm.pages().get(i);
                if (vm.selectedIds().contains(t.id()) && (shown == null || shown.id() != t.id())) {
                    strip.getSelectionModel().select(i);
                }
            }
            if (shown != null) {
                int at = vm.pages().indexOf(shown);
                if (at >= 0) {
                    strip.getSelectionModel().select(at);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void openLarge() {
        if (vm.selectedProperty().get() != null) {
            vm.viewer().fitPage();
            Node page = viewer.lookup("#scanPageScroll");
            if (page != null) {
                page.requestFocus();
            }
        }
    }

    private List<Integer> dragged(PageTile from) {
        if (vm.selectedIds().contains(from.id())) {
            return List.copyOf(vm.selectedIds());
        }
        return List.of(from.id());
    }

    private void dropped(Dragboard board, int position) {
        Object content = board.getContent(PAGE_IDS);
        if (content instanceof String s && !s.isBlank()) {
            List<Integer> ids = new ArrayList<>();
            for (String part : s.split(",")) {
                ids.add(Integer.parseInt(part.trim()));
            }
            vm.moveTo(ids, position);
        }
    }

    /** A page tile: number, thumbnail, status symbol and word on a status-coloured band; drag it to move it. */
    private final class TileCell extends ListCell<PageTile> {
        private final ImageView image = new ImageView();
        private final Label status = new Label();
        private final Label number = new Label();
        private final Label marks = new Label();
        private final VBox box = new VBox(3, number, image, status, marks);

        TileCell() {
            image.setFitWidth(124);
            image.setFitHeight(160);
            image.setPreserveRatio(true);
            box.setAlignment(Pos.CENTER);
            box.getStyleClass().add("tile");
            status.getStyleClass().add("tile-status");
            marks.getStyleClass().add("tile-marks");
            marks.setMaxWidth(130);
            setAccessibleRole(AccessibleRole.LIST_ITEM);
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.put(PAGE_IDS, String.join(",", dragged(getItem()).stream().map(String::valueOf).toList()));
                board.setContent(c);
                board.setDragView(image.snapshot(null, null));
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(PAGE_IDS)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    e.consume();
                }
            });
            setOnDragDropped(e -> {
                int at = isEmpty() ? vm.pages().size()
                        : getIndex() + (e.getX() > getWidth() / 2 ? 1 : 0);
                dropped(e.getDragboard(), at);
                e.setDropCompleted(true);
                e.consume();
            });
        }

        @Override
        protected void updateItem(PageTile t, boolean empty) {
            super.updateItem(t, empty);
            box.getStyleClass().removeIf(s -> s.startsWith("status-") || s.equals("held-document"));
            if (empty || t == null) {
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            image.setImage(Images.toFx(t.thumbnail()));
            number.setText("Page " + t.number() + (t.document() > 0 ? " \u00b7 doc " + t.document() : ""));
            status.setText(t.look().label());
            marks.setText(t.marks().isEmpty() ? "" : "\u270e " + t.marks());
            marks.setVisible(!t.marks().isEmpty());
            box.getStyleClass().add(t.look().styleClass());
            setGraphic(box);
            setTooltip(new Tooltip(t.patient() + "\n" + t.reason() + (t.marks().isEmpty() ? "" : "\n" + t.marks())));
            setAccessibleText(t.accessibleText());
        }
    }
}
