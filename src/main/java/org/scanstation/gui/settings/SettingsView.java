package org.scanstation.gui.settings;

import org.scanstation.gui.Shown;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The settings screen; locked settings are read-only with a note. All logic is in {@link SettingsViewModel}. */
public final class SettingsView extends BorderPane {

    public SettingsView(SettingsViewModel vm) {
        getStyleClass().add("screen");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints(220);
        ColumnConstraints fields = new ColumnConstraints(420);
        ColumnConstraints notes = new ColumnConstraints();
        notes.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, notes);
        int row = 0;
        String section = null;
        for (SettingRow r : vm.rows()) {
            if (!r.section().equals(section)) {
                section = r.section();
                Label head = new Label(section);
                head.getStyleClass().add("section-title");
                grid.add(head, 0, row++, 3, 1);
            }
            Label label = new Label(r.label());
            TextField field = new TextField();
            field.setId("setting-" + r.path().replace('.', '-'));
            field.textProperty().bindBidirectional(r.value());
            field.setEditable(!r.locked());
            field.setDisable(false);
            field.setAccessibleText(r.label() + (r.locked() ? ", " + r.note() : ""));
            if (r.locked()) {
                field.getStyleClass().add("locked");
                field.setTooltip(new Tooltip(r.note()));
            }
            label.setLabelFor(field);
            Label note = new Label(r.note());
            note.getStyleClass().add("note");
            grid.addRow(row++, label, field, note);
        }
        Label profTitle = new Label("Scanner profiles" + (vm.profilesLocked() ? "  " + SettingsViewModel.LOCKED_NOTE : ""));
        profTitle.getStyleClass().add("section-title");
        ListView<String> profiles = new ListView<>(vm.profiles());
        profiles.setId("profileList");
        profiles.setPrefHeight(130);
        profiles.setAccessibleText("Scanner profiles");
        profTitle.setLabelFor(profiles);
        Button save = new Button("_Save settings");
        save.setId("saveSettingsButton");
        save.setMnemonicParsing(true);
        save.setOnAction(e -> vm.save());
        save.setAccessibleText("Save settings to your own settings file; locked settings are not changed");
        Label message = new Label();
        message.setId("settingsMessage");
        message.textProperty().bind(Shown.message(vm.messageProperty()));
        message.setWrapText(true);
        message.getStyleClass().add("message");
        VBox box = new VBox(14, grid, profTitle, profiles, save, message);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }
}
