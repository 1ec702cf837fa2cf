package org.scanstation.gui.review;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scanstation.gui.Images;
import org.scanstation.gui.SessionViewModel;
import org.scanstation.gui.Shown;
import org.scanstation.model.Patient;
import org.scanstation.station.ReviewItem;

/** The review screen (supervisor). All logic is in {@link ReviewViewModel}. */
public final class ReviewView extends BorderPane {

    private final ReviewViewModel vm;

    public ReviewView(ReviewViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        setLeft(queue());
        setCenter(evidence());
        setRight(decisions());
    }

    private VBox queue() {
        ListView<ReviewItem> list = new ListView<>(vm.items());
        list.setId("reviewQueue");
        list.setAccessibleText("Documents waiting for review, oldest first");
        list.setPlaceholder(new Label("Nothing to review."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "? " + ReviewViewModel.describe(item));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        Label title = new Label("Waiting for a decision");
        title.getStyleClass().add("section-title");
        title.setLabelFor(list);
        Label count = new Label();
        count.textProperty().bind(vm.queueTextProperty());
        count.setWrapText(true);
        VBox box = new VBox(8, title, count, list);
        box.getStyleClass().add("card");
        box.setPrefWidth(380);
        VBox.setVgrow(list, Priority.ALWAYS);
        BorderPane.setMargin(box, new Insets(0, 12, 0, 0));
        return box;
    }

    private VBox evidence() {
        ImageView label = new ImageView();
        label.setId("labelImage");
        label.setPreserveRatio(true);
        label.setFitWidth(620);
        label.setAccessibleText("The label region of the page, enlarged");
        vm.labelImageProperty().addListener((o, a, b) -> label.setImage(Images.toFx(b)));
        ScrollPane labelPane = new ScrollPane(label);
        labelPane.setPrefHeight(300);
        labelPane.setFocusTraversable(true);
        labelPane.setAccessibleText("Label image");
        Label labelTitle = new Label("Label, enlarged");
        labelTitle.getStyleClass().add("section-title");

        Label candidate = new Label();
        candidate.setId("candidateText");
        candidate.textProperty().bind(vm.candidateTextProperty());
        candidate.setWrapText(true);
        candidate.getStyleClass().add("detail");
        Label candidateTitle = new Label("Candidate patient (from the index)");
        candidateTitle.getStyleClass().add("section-title");

        Label reasons = new Label();
        reasons.setId("reasonsText");
        reasons.textProperty().bind(vm.reasonsTextProperty());
        reasons.setWrapText(true);
        Label reasonsTitle = new Label("Why it needs a decision");
        reasonsTitle.getStyleClass().add("section-title");

        HBox facts = new HBox(24, new VBox(6, candidateTitle, candidate), new VBox(6, reasonsTitle, reasons));
        VBox box = new VBox(10, labelTitle, labelPane, facts);
        box.getStyleClass().add("card");
        return box;
    }

    private VBox decisions() {
        SessionViewModel session = vm.session();
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
        signIn.setAccessibleText("Sign in as supervisor");
        Runnable doSignIn = () -> {
            if (session.signIn(name.getText(), password.getText().toCharArray())) {
                password.clear();
            }
        };
        signIn.setOnAction(e -> doSignIn.run());
        password.setOnAction(e -> doSignIn.run());
        Label error = new Label();
        error.setId("signInError");
        error.textProperty().bind(session.signInErrorProperty());
        error.getStyleClass().add("error");
        error.setWrapText(true);
        Label nameLabel = new Label("_Name");
        nameLabel.setMnemonicParsing(true);
        nameLabel.setLabelFor(name);
        Label passwordLabel = new Label("Pass_word");
        passwordLabel.setMnemonicParsing(true);
        passwordLabel.setLabelFor(password);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, nameLabel, name);
        form.addRow(1, passwordLabel, password);
        Label signInTitle = new Label("Supervisor sign-in");
        signInTitle.getStyleClass().add("section-title");
        Label signInHelp = new Label("Review decisions need a supervisor and are written to the audit trail.");
        signInHelp.setWrapText(true);
        VBox signInBox = new VBox(8, signInTitle, signInHelp, form, signIn, error);
        signInBox.setId("signInBox");
        signInBox.visibleProperty().bind(session.supervisorSignedIn().not());
        signInBox.managedProperty().bind(signInBox.visibleProperty());

        Label who = new Label();
        who.textProperty().bind(session.whoProperty());
        Button signOut = new Button("Sign out");
        signOut.setId("signOutButton");
        signOut.setOnAction(e -> session.signOut());
        HBox whoBox = new HBox(8, who, signOut);
        whoBox.setAlignment(Pos.CENTER_LEFT);
        whoBox.visibleProperty().bind(session.supervisorSignedIn());
        whoBox.managedProperty().bind(whoBox.visibleProperty());

        Button accept = action("acceptButton", "_Accept candidate", "File the document to the candidate patient",
                vm::accept);
        accept.disableProperty().bind(vm.canAccept().not());
        TextField query = new TextField();
        query.setId("patientSearch");
        query.setPromptText("Name, NHS or hospital number");
        query.setAccessibleText("Search the patient index");
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnAction(e -> vm.search());
        Button search = action("searchButton", "Search", "Search the patient index", vm::search);
        ListView<Patient> results = new ListView<>(vm.results());
        results.setId("searchResults");
        results.setPrefHeight(150);
        results.setAccessibleText("Patients found");
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Patient p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.displayName() + "  " + p.nhsNumber().formatted() + "  born "
                        + p.dateOfBirth());
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.chosenProperty().set(b));
        vm.chosenProperty().addListener((o, a, b) -> {
            if (b != null && results.getSelectionModel().getSelectedItem() != b) {
                results.getSelectionModel().select(b);
            }
        });
        Button assign = action("assignButton", "File to _chosen patient", "File the document to the patient chosen above",
                vm::assignChosen);
        assign.disableProperty().bind(vm.canDecide().not().or(vm.chosenProperty().isNull()));
        Button unidentifiable = action("unidentifiableButton", "Mark _unidentifiable",
                "Hold the document for good: it is never uploaded", vm::markUnidentifiable);
        unidentifiable.disableProperty().bind(vm.canDecide().not());
        Button rescan = action("sendRescanButton", "Send back for _rescan", "Ask the clerk to scan it again",
                vm::sendForRescan);
        rescan.disableProperty().bind(vm.canDecide().not());
        Label message = new Label();
        message.setId("reviewMessage");
        message.textProperty().bind(Shown.message(vm.messageProperty()));
        message.setWrapText(true);
        message.getStyleClass().add("message");

        Label decideTitle = new Label("Decision");
        decideTitle.getStyleClass().add("section-title");
        Label searchLabel = new Label("Or choose another patient");
        searchLabel.setLabelFor(query);
        HBox searchRow = new HBox(6, query, search);
        HBox.setHgrow(query, Priority.ALWAYS);
        VBox box = new VBox(10, signInBox, whoBox, decideTitle, accept, searchLabel, searchRow, results, assign,
                unidentifiable, rescan, message);
        box.getStyleClass().add("card");
        box.setPrefWidth(380);
        BorderPane.setMargin(box, new Insets(0, 0, 0, 12));
        for (Button b : new Button[]{accept, assign, unidentifiable, rescan}) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        return box;
    }

    private static Button action(String id, String text, String help, Runnable run) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setOnAction(e -> run.run());
        b.setTooltip(new Tooltip(help));
        b.setAccessibleText(text.replace("_", "") + ": " + help);
        return b;
    }
}
