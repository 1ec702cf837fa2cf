package org.scanstation.gui.scan;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.scanstation.config.StationConfig;
import org.scanstation.gui.Images;
import org.scanstation.gui.Shown;

/** The scan screen (clerk). All logic is in {@link ScanViewModel}. */
public final class ScanView extends BorderPane {

    private final ScanViewModel vm;

    public ScanView(ScanViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        setTop(toolbar());
        setCenter(body());
        setBottom(progress());
    }

    private HBox toolbar() {
        ComboBox<ScanViewModel.DeviceChoice> device = new ComboBox<>(vm.devices());
        device.setId("deviceChoice");
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        device.setAccessibleText("Scanner");
        device.setTooltip(new Tooltip("The scanner to scan from"));
        Label deviceLabel = new Label("_Scanner");
        deviceLabel.setMnemonicParsing(true);
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
        Label profileLabel = new Label("_Profile");
        profileLabel.setMnemonicParsing(true);
        profileLabel.setLabelFor(profile);

        Button scan = button("scanButton", "Scan (F5)", "Start scanning the pages in the feeder", vm::scan);
        scan.getStyleClass().add("primary");
        scan.disableProperty().bind(vm.scanningProperty());
        Button stop = button("stopButton", "Stop (Esc)", "Stop the scan; pages already scanned are kept", vm::stop);
        stop.disableProperty().bind(vm.scanningProperty().not());
        Button file = button("fileButton", "File batch (Ctrl+Enter)",
                "Send auto-filed documents to the upload queue and held ones to review", vm::fileBatch);
        file.disableProperty().bind(vm.canFile().not());

        HBox bar = new HBox(10, deviceLabel, device, profileLabel, profile, scan, stop, file);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private VBox body() {
        ListView<PageTile> strip = new ListView<>(vm.pages());
        strip.setId("pageStrip");
        strip.setOrientation(Orientation.HORIZONTAL);
        strip.setPrefHeight(236);
        strip.setMinHeight(236);
        strip.setAccessibleText("Scanned pages");
        strip.setPlaceholder(new Label("Pages appear here as they are scanned."));
        strip.setCellFactory(l -> new TileCell());
        strip.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        strip.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                vm.deleteSelected();
                e.consume();
            }
        });
        vm.pages().addListener((javafx.collections.ListChangeListener<PageTile>) c -> {
            if (!vm.pages().isEmpty() && vm.scanningProperty().get()) {
                strip.scrollTo(vm.pages().size() - 1);
            }
        });

        Label stripTitle = new Label("Pages in this batch");
        stripTitle.getStyleClass().add("section-title");
        stripTitle.setLabelFor(strip);

        Label detail = new Label();
        detail.setId("pageDetail");
        detail.textProperty().bind(vm.selectedTextProperty());
        detail.setWrapText(true);
        detail.getStyleClass().add("detail");
        Button delete = button("deletePageButton", "Delete page (Del)", "Remove the selected page from this batch",
                vm::deleteSelected);
        Button rescan = button("rescanPageButton", "Rescan page (Ctrl+R)",
                "Remove the selected page so it can be fed again", vm::rescanSelected);
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        rescan.disableProperty().bind(vm.selectedProperty().isNull());
        Label detailTitle = new Label("Selected page");
        detailTitle.getStyleClass().add("section-title");
        VBox selected = new VBox(8, detailTitle, detail, new HBox(8, delete, rescan));
        selected.getStyleClass().add("card");
        selected.setPrefWidth(480);

        ListView<String> docs = new ListView<>(vm.documents());
        docs.setId("documentList");
        docs.setAccessibleText("Documents in this batch, per patient");
        docs.setPlaceholder(new Label("Documents appear as pages are analysed."));
        Label docsTitle = new Label("Documents per patient");
        docsTitle.getStyleClass().add("section-title");
        docsTitle.setLabelFor(docs);
        VBox documents = new VBox(8, docsTitle, docs);
        documents.getStyleClass().add("card");
        VBox.setVgrow(docs, Priority.ALWAYS);
        HBox.setHgrow(documents, Priority.ALWAYS);

        HBox lower = new HBox(14, selected, documents);
        VBox.setVgrow(lower, Priority.ALWAYS);
        Label message = new Label();
        message.setId("scanMessage");
        message.textProperty().bind(Shown.message(vm.messageProperty()));
        message.getStyleClass().add("message");
        message.setWrapText(true);
        VBox body = new VBox(10, stripTitle, strip, message, lower);
        body.setPadding(new Insets(12, 0, 12, 0));
        return body;
    }

    private GridPane progress() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getStyleClass().add("card");
        row(grid, 0, "Scanning", "scanProgress", vm.scanProgressProperty(), vm.scanCountProperty());
        row(grid, 1, "Analysis", "analysisProgress", vm.analysisProgressProperty(), vm.analysisCountProperty());
        row(grid, 2, "Text recognition (OCR)", "ocrProgress", vm.ocrProgressProperty(), vm.ocrCountProperty());
        row(grid, 3, "Upload", "uploadProgress", vm.uploadProgressProperty(), vm.uploadCountProperty());
        return grid;
    }

    private static void row(GridPane grid, int r, String name, String id,
                            javafx.beans.property.DoubleProperty value, javafx.beans.property.StringProperty count) {
        Label label = new Label(name);
        ProgressBar bar = new ProgressBar();
        bar.setId(id);
        bar.progressProperty().bind(value);
        bar.setPrefWidth(520);
        bar.setAccessibleText(name + " progress");
        label.setLabelFor(bar);
        Label text = new Label();
        text.textProperty().bind(count);
        grid.addRow(r, label, bar, text);
    }

    static Button button(String id, String text, String help, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(help));
        b.setAccessibleText(text.replaceAll(" \\(.*\\)", "") + ": " + help);
        return b;
    }

    /** A page tile: thumbnail, number, status symbol and word on a status-coloured band. */
    private static final class TileCell extends ListCell<PageTile> {
        private final ImageView image = new ImageView();
        private final Label status = new Label();
        private final Label number = new Label();
        private final VBox box = new VBox(4, number, image, status);

        TileCell() {
            image.setFitWidth(110);
            image.setFitHeight(150);
            image.setPreserveRatio(true);
            box.setAlignment(Pos.CENTER);
            box.getStyleClass().add("tile");
            status.getStyleClass().add("tile-status");
            setAccessibleRole(AccessibleRole.LIST_ITEM);
        }

        @Override
        protected void updateItem(PageTile t, boolean empty) {
            super.updateItem(t, empty);
            box.getStyleClass().removeIf(s -> s.startsWith("status-"));
            if (empty || t == null) {
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            image.setImage(Images.toFx(t.thumbnail()));
            number.setText("Page " + t.number());
            status.setText(t.look().label());
            box.getStyleClass().add(t.look().styleClass());
            setGraphic(box);
            setTooltip(new Tooltip(t.patient() + "\n" + t.reason()));
            setAccessibleText(t.accessibleText());
        }
    }
}
