package org.scanstation.gui;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.gui.settings.SettingsView;
import org.scanstation.gui.settings.SettingsViewModel;
import org.scanstation.station.LocalAccounts;

/**
 * What the window shows when the station cannot start because of a setting a supervisor or IT can put
 * right (the patient index cannot be opened): what is wrong in words, who can fix it and how, the settings
 * (a supervisor signs in here to change them; every value is checked when saved), and "Start again".
 */
public final class StartupProblemView extends BorderPane {

    private final SessionViewModel session;
    private final SettingsViewModel settings;

    public StartupProblemView(String problem, EffectiveConfig config, Path userFile, Runnable startAgain,
                              Executor ui, Executor background) {
        getStyleClass().addAll("root-pane", "startup-problem");
        session = new SessionViewModel(new LocalAccounts(config.config().users()), System.getProperty("user.name", "clerk"));
        settings = new SettingsViewModel(config, userFile, session, ui, background);
        Label title = new Label("ScanStation cannot scan yet: the patient index cannot be opened");
        title.getStyleClass().add("app-name");
        title.setWrapText(true);
        Label what = new Label(Shown.message(problem));
        what.setId("startupProblem");
        what.setWrapText(true);
        what.getStyleClass().addAll("banner", "warning");
        Label how = new Label("Without the patient index no page can be matched to a patient, so scanning waits."
                + " Documents already scanned stay safe in the encrypted store.\n"
                + "To fix it: a supervisor signs in below and points \"Index folder\" or \"PAS extract\" at the index"
                + " IT imported (each value is checked when saved), then presses Start again. Or IT puts it right in "
                + (config.machineFile() == null ? "the machine-wide settings file" : config.machineFile().toString())
                + " (or runs scanstation index import).");
        how.setWrapText(true);
        TextField name = new TextField();
        name.setId("signInName");
        name.setPromptText("Supervisor name");
        name.setAccessibleText("Supervisor name");
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.setPromptText("Password");
        password.setAccessibleText("Password");
        Button signIn = new Button("Sign in");
        signIn.setId("signInButton");
        signIn.setMnemonicParsing(false);
        Runnable doSignIn = () -> {
            if (session.signIn(name.getText(), password.getText().toCharArray())) {
                password.clear();
            }
        };
        signIn.setOnAction(e -> doSignIn.run());
        password.setOnAction(e -> doSignIn.run());
        Label error = new Label();
        error.textProperty().bind(session.signInErrorProperty());
        error.getStyleClass().add("error");
        Label who = new Label();
        who.textProperty().bind(session.whoProperty());
        HBox signInRow = new HBox(8, new Label("Supervisor"), name, password, signIn, error, who);
        signInRow.setAlignment(Pos.CENTER_LEFT);
        if (!session.hasSupervisorAccounts()) {
            signInRow = new HBox(new Label(FirstRun.explanation()));
        }
        Button again = new Button("Start again");
        again.setId("startAgainButton");
        again.setMnemonicParsing(false);
        again.getStyleClass().add("primary");
        again.setOnAction(e -> startAgain.run());
        HBox.setHgrow(error, Priority.ALWAYS);
        VBox top = new VBox(10, title, what, how, signInRow, again);
        top.setPadding(new Insets(16, 18, 10, 18));
        setTop(top);
        setCenter(new SettingsView(settings));
    }

    public SessionViewModel session() {
        return session;
    }

    public SettingsViewModel settings() {
        return settings;
    }
}
