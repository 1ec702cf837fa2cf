package org.scanstation.gui.upload;

import org.scanstation.gui.Shown;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scanstation.station.UploadLine;

/** The upload queue screen. All logic is in {@link UploadQueueViewModel}. */
public final class UploadQueueView extends BorderPane {

    public UploadQueueView(UploadQueueViewModel vm) {
        getStyleClass().add("screen");
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.textProperty().bind(vm.connectionProperty());
        connection.getStyleClass().add("connection");
        vm.onlineProperty().addListener((o, a, b) -> style(connection, b));
        style(connection, vm.onlineProperty().get());
        Label summary = new Label();
        summary.setId("uploadSummary");
        summary.textProperty().bind(vm.summaryProperty());
        Button retry = new Button("_Retry now");
        retry.setId("retryButton");
        retry.setMnemonicParsing(true);
        retry.setOnAction(e -> vm.retryNow());
        retry.setTooltip(new Tooltip("Put failed documents back in the queue and try the EDMS now"));
        retry.setAccessibleText("Retry now: put failed documents back in the queue and try the EDMS now");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(14, connection, summary, gap, retry);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("toolbar");

        TableView<UploadLine> table = new TableView<>(vm.lines());
        table.setId("uploadTable");
        table.setAccessibleText("Documents and their upload state");
        table.setPlaceholder(new Label("No documents yet: filed batches appear here."));
        table.getColumns().add(column("Batch", 300, l -> l.batchId()));
        table.getColumns().add(column("Document", 90, l -> String.valueOf(l.document())));
        table.getColumns().add(column("Pages", 70, l -> String.valueOf(l.pages())));
        table.getColumns().add(column("State", 300, l -> (l.needsAttention() ? "\u26a0 " : "") + l.state()));
        table.getColumns().add(column("Retries", 80, l -> String.valueOf(l.retries())));
        table.getColumns().add(column("Last problem", 420, l -> Shown.message(l.lastError())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(UploadLine l, boolean empty) {
                super.updateItem(l, empty);
                getStyleClass().removeAll("row-failed", "row-held", "row-done");
                if (!empty && l != null) {
                    getStyleClass().add(l.needsAttention() ? "row-failed" : l.state().startsWith("held") ? "row-held"
                            : l.state().startsWith("uploaded") ? "row-done" : "row-waiting");
                }
            }
        });
        VBox body = new VBox(10, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setTop(top);
        setCenter(body);
        BorderPane.setMargin(body, new javafx.geometry.Insets(12, 0, 0, 0));
    }

    private static void style(Label connection, boolean online) {
        connection.getStyleClass().removeAll("online", "offline");
        connection.getStyleClass().add(online ? "online" : "offline");
    }

    private static TableColumn<UploadLine, String> column(String name, double width,
                                                          java.util.function.Function<UploadLine, String> value) {
        TableColumn<UploadLine, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

}
