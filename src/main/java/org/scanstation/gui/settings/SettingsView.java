package org.scanstation.gui.settings;

import java.io.File;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.scanstation.gui.Keys;
import org.scanstation.gui.Shortcuts;
import org.scanstation.gui.Shown;

/**
 * The settings screen; locked settings are read-only with a note, those about patient data need a
 * supervisor, every value is checked when saved. All logic is in {@link SettingsViewModel}.
 */
public final class SettingsView extends BorderPane {

    private final SettingsViewModel vm;
    private final VBox profileRows = new VBox(6);

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(200);
        labels.setPrefWidth(260);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setMinWidth(260);
        fields.setPrefWidth(440);
        fields.setHgrow(Priority.SOMETIMES);
        ColumnConstraints browse = new ColumnConstraints();
        browse.setMinWidth(Control.USE_PREF_SIZE);
        ColumnConstraints notes = new ColumnConstraints();
        notes.setMinWidth(180);
        notes.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, browse, notes);
        int row = 0;
        String section = null;
        for (SettingRow r : vm.rows()) {
            if (!r.section().equals(section)) {
                section = r.section();
                Label head = new Label(section);
                head.getStyleClass().add("section-title");
                grid.add(head, 0, row++, 4, 1);
                if (r.path().startsWith("edms.")) {
                    grid.add(testConnection(), 0, row++, 4, 1);
                }
            }
            Label label = new Label(r.label());
            label.setWrapText(true);
            Control field = r.path().equals("scanner.defaultDevice") ? scannerChoice(r) : textField(r);
            label.setLabelFor(field);
            Button chooser = r.kind() == SettingRow.Kind.FILE || r.kind() == SettingRow.Kind.FOLDER ? browse(r) : null;
            Label note = new Label();
            note.setWrapText(true);
            javafx.beans.binding.StringBinding shown = vm.noteShown(r);
            note.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> r.error().get().isEmpty() ? shown.get() : "\u2717 " + r.error().get(), r.error(), shown));
            note.getStyleClass().add("note");
            r.error().addListener((o, a, b) -> {
                note.getStyleClass().remove("error");
                if (!b.isEmpty()) {
                    note.getStyleClass().add("error");
                }
            });
            grid.add(label, 0, row);
            grid.add(field, 1, row);
            if (chooser != null) {
                grid.add(chooser, 2, row);
            }
            grid.add(note, 3, row);
            row++;
        }
        Label profTitle = new Label("Scan profiles" + (vm.profilesLocked() ? "  (" + SettingsViewModel.LOCKED_NOTE + ")" : ""));
        profTitle.getStyleClass().add("section-title");
        profTitle.setWrapText(true);
        profileRows.setId("profileRows");
        vm.profiles().addListener((ListChangeListener<ProfileRow>) c -> drawProfiles());
        drawProfiles();
        Button addProfile = new Button("Add a profile");
        addProfile.setId("addProfileButton");
        addProfile.setMnemonicParsing(false);
        addProfile.setOnAction(e -> vm.addProfile());
        addProfile.setDisable(vm.profilesLocked());
        addProfile.setMinWidth(Button.USE_PREF_SIZE);

        String saveText = Shortcuts.withKey("Save settings", Keys.SAVE_SETTINGS);
        Button save = new Button(saveText);
        save.setId("saveSettingsButton");
        save.setMnemonicParsing(false);
        save.getStyleClass().add("primary");
        save.setMinWidth(Button.USE_PREF_SIZE);
        save.setOnAction(e -> vm.save());
        save.setAccessibleText(saveText + ": every value is checked first; locked settings are not changed");
        Label message = new Label();
        message.setId("settingsMessage");
        message.textProperty().bind(Shown.message(vm.messageProperty()));
        message.setWrapText(true);
        message.getStyleClass().add("message");
        message.setMinHeight(Label.USE_PREF_SIZE);
        VBox box = new VBox(12, grid, profTitle, profileRows, addProfile, save, message);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(14));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("settingsScroll");
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private HBox testConnection() {
        String text = Shortcuts.withKey("Test connection", Keys.TEST_CONNECTION);
        Button test = new Button(text);
        test.setId("testConnectionButton");
        test.setMnemonicParsing(false);
        test.setMinWidth(Button.USE_PREF_SIZE);
        test.setOnAction(e -> vm.testConnection());
        test.setAccessibleText(text + ": ask the EDMS typed below whether it answers");
        Label result = new Label();
        result.setId("connectionResult");
        result.textProperty().bind(Shown.message(vm.connectionResultProperty()));
        result.setWrapText(true);
        HBox box = new HBox(10, test, result);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);
        return box;
    }

    private TextField textField(SettingRow r) {
        TextField field = new TextField();
        field.setId("setting-" + r.path().replace('.', '-'));
        field.textProperty().bindBidirectional(r.value());
        BooleanBinding editable = vm.editable(r);
        field.editableProperty().bind(editable);
        field.setAccessibleText(r.label() + (r.note().isEmpty() ? "" : ", " + r.note()));
        editable.addListener((o, a, b) -> lockedLook(field, b));
        lockedLook(field, editable.get());
        if (!r.note().isEmpty()) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(vm.noteShown(r));
            field.setTooltip(tip);
        }
        return field;
    }

    private ComboBox<String> scannerChoice(SettingRow r) {
        ComboBox<String> choice = new ComboBox<>(vm.scanners());
        choice.setId("setting-" + r.path().replace('.', '-'));
        choice.setEditable(false);
        choice.setValue(r.value().get());
        choice.valueProperty().addListener((o, a, b) -> r.value().set(b == null ? "" : b));
        choice.disableProperty().bind(vm.editable(r).not());
        choice.setAccessibleText(r.label() + ": choose from the scanners found");
        choice.setMaxWidth(Double.MAX_VALUE);
        return choice;
    }

    private Button browse(SettingRow r) {
        Button b = new Button("Browse ...");
        b.setId("browse-" + r.path().replace('.', '-'));
        b.setMnemonicParsing(false);
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setAccessibleText("Browse for " + r.label());
        b.disableProperty().bind(vm.editable(r).not());
        b.setOnAction(e -> {
            File start = r.value().get().isBlank() ? null : new File(r.value().get());
            File chosen;
            if (r.kind() == SettingRow.Kind.FOLDER) {
                DirectoryChooser d = new DirectoryChooser();
                d.setTitle(r.label());
                if (start != null && start.isDirectory()) {
                    d.setInitialDirectory(start);
                }
                chosen = d.showDialog(getScene().getWindow());
            } else {
                FileChooser f = new FileChooser();
                f.setTitle(r.label());
                if (start != null && start.getParentFile() != null && start.getParentFile().isDirectory()) {
                    f.setInitialDirectory(start.getParentFile());
                }
                chosen = f.showOpenDialog(getScene().getWindow());
            }
            if (chosen != null) {
                r.value().set(chosen.getAbsolutePath());
            }
        });
        return b;
    }

    private static void lockedLook(TextField field, boolean editable) {
        field.getStyleClass().remove("locked");
        if (!editable) {
            field.getStyleClass().add("locked");
        }
    }

    private void drawProfiles() {
        profileRows.getChildren().clear();
        int i = 0;
        for (ProfileRow p : vm.profiles()) {
            int n = i++;
            TextField name = new TextField();
            name.setId("profile-" + n + "-name");
            name.textProperty().bindBidirectional(p.name());
            name.setAccessibleText("Profile " + (n + 1) + " name");
            name.setPrefColumnCount(20);
            TextField dpi = new TextField();
            dpi.setId("profile-" + n + "-resolution");
            dpi.textProperty().bindBidirectional(p.resolution());
            dpi.setAccessibleText("Profile " + (n + 1) + " resolution in dpi");
            dpi.setPrefColumnCount(5);
            ComboBox<String> mode = choice("profile-" + n + "-mode", "Profile " + (n + 1) + " colour mode", p.mode(),
                    "gray", "color", "lineart");
            ComboBox<String> source = choice("profile-" + n + "-source", "Profile " + (n + 1) + " paper source",
                    p.source(), "adf", "duplex", "flatbed");
            Button remove = new Button("Remove");
            remove.setId("profile-" + n + "-remove");
            remove.setMnemonicParsing(false);
            remove.setMinWidth(Button.USE_PREF_SIZE);
            remove.setAccessibleText("Remove profile " + (n + 1));
            remove.setOnAction(e -> vm.removeProfile(p));
            Label dpiLabel = new Label("dpi");
            dpiLabel.setLabelFor(dpi);
            HBox line = new HBox(8, name, dpi, dpiLabel, mode, source, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setDisable(vm.profilesLocked());
            profileRows.getChildren().add(line);
        }
    }

    private static ComboBox<String> choice(String id, String accessible, javafx.beans.property.StringProperty value,
                                           String... options) {
        ComboBox<String> c = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(options));
        c.setId(id);
        c.setValue(value.get());
        c.valueProperty().addListener((o, a, b) -> value.set(b));
        c.setAccessibleText(accessible);
        c.setMinWidth(Control.USE_PREF_SIZE);
        return c;
    }
}
