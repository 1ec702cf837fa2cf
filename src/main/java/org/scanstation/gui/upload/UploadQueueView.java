package org.scanstation.gui.upload;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scanstation.gui.Keys;
import org.scanstation.gui.Shortcuts;
import org.scanstation.gui.Shown;
import org.scanstation.station.UploadLine;

/** The upload queue screen. All logic is in {@link UploadQueueViewModel}. */
public final class UploadQueueView extends BorderPane {

    public UploadQueueView(UploadQueueViewModel vm) {
        getStyleClass().add("screen");
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.textProperty().bind(vm.connectionProperty());
        connection.getStyleClass().add("connection");
        connection.setWrapText(true);
        vm.onlineProperty().addListener((o, a, b) -> style(connection, b));
        style(connection, vm.onlineProperty().get());
        Label summary = new Label();
        summary.setId("uploadSummary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setMinWidth(Label.USE_PREF_SIZE);
        String text = Shortcuts.withKey("Retry now", Keys.RETRY_NOW);
        Button retry = new Button(text);
        retry.setId("retryButton");
        retry.setMnemonicParsing(false);
        retry.setMinWidth(Button.USE_PREF_SIZE);
        retry.setOnAction(e -> vm.retryNow());
        retry.setTooltip(new Tooltip("Put failed documents back in the queue, ask the EDMS now and say what it answers"));
        retry.setAccessibleText(text + ": put failed documents back in the queue and try the EDMS now");
        FlowPane top = new FlowPane(14, 8, connection, summary, retry);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("toolbar");
        Label message = new Label();
        message.setId("uploadMessage");
        message.textProperty().bind(Shown.message(vm.messageProperty()));
        message.getStyleClass().add("message");
        message.setWrapText(true);

        TableView<UploadLine> table = new TableView<>(vm.lines());
        table.setId("uploadTable");
        table.setAccessibleText("Documents and their upload state");
        table.setPlaceholder(new Label("No documents yet: filed batches appear here."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Scanned", 140, UploadQueueViewModel::scanned));
        table.getColumns().add(column("Document", 190, UploadLine::name));
        table.getColumns().add(column("Pages", 60, l -> String.valueOf(l.pages())));
        table.getColumns().add(column("Patient", 220, vm::patientShown));
        table.getColumns().add(column("State", 230, l -> (l.needsAttention() ? "\u26a0 " : "") + l.state()));
        table.getColumns().add(column("Retries", 70, l -> String.valueOf(l.retries())));
        table.getColumns().add(column("Problem", 300, l -> Shown.message(l.lastError())));
        // the identifying columns never cut short ("O'BRIEN, Oliver (NHS 999 937 21..."); the problem takes the rest
        org.scanstation.gui.ColumnsFitContent.follow(table, java.util.Arrays.asList(UploadQueueViewModel::scanned,
                UploadLine::name, l -> String.valueOf(l.pages()), vm::patientShown,
                l -> (l.needsAttention() ? "\u26a0 " : "") + l.state(), l -> String.valueOf(l.retries()), null));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(UploadLine l, boolean empty) {
                super.updateItem(l, empty);
                getStyleClass().removeAll("row-failed", "row-held", "row-done", "row-waiting", "row-problem");
                if (!empty && l != null) {
                    getStyleClass().add(l.needsAttention() ? "row-failed" : !l.lastError().isEmpty() ? "row-problem"
                            : l.state().startsWith("held") ? "row-held"
                            : l.state().startsWith("uploaded") ? "row-done" : "row-waiting");
                    setAccessibleText(l.name() + ", " + l.pages() + " pages, " + l.state()
                            + (l.lastError().isEmpty() ? "" : ", problem: " + Shown.message(l.lastError())));
                }
            }
        });
        VBox body = new VBox(8, message, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setTop(top);
        setCenter(body);
        BorderPane.setMargin(body, new Insets(10, 0, 0, 0));
    }

    private static void style(Label connection, boolean online) {
        connection.getStyleClass().removeAll("online", "offline");
        connection.getStyleClass().add(online ? "online" : "offline");
    }

    private static TableColumn<UploadLine, String> column(String name, double width, Function<UploadLine, String> value) {
        TableColumn<UploadLine, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

}
