package org.scanstation.gui.review;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scanstation.gui.ConfirmationDialog;
import org.scanstation.gui.FirstRun;
import org.scanstation.gui.Keys;
import org.scanstation.gui.ScrollIntoView;
import org.scanstation.gui.ColumnsFitContent;
import org.scanstation.gui.SessionViewModel;
import org.scanstation.gui.Shortcuts;
import org.scanstation.gui.Shown;
import org.scanstation.gui.viewer.PageViewer;
import org.scanstation.station.DayFormat;
import org.scanstation.station.DecidedItem;
import org.scanstation.station.EvidenceShown;
import org.scanstation.station.ReviewItem;

/** The review screen (supervisor). All logic is in {@link ReviewViewModel}. */
public final class ReviewView extends BorderPane {

    private final ReviewViewModel vm;

    public ReviewView(ReviewViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        VBox queue = queue();
        PageViewer viewer = new PageViewer(vm.viewer(), "review");
        viewer.setMinWidth(320);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        VBox evidence = new VBox(8, viewer, reasons());
        evidence.getStyleClass().add("card");
        evidence.setMinWidth(340);
        ScrollPane decisions = new ScrollPane(decisions());
        decisions.setId("decisionPanel");
        decisions.setFitToWidth(true);
        decisions.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        decisions.setMinWidth(360);
        decisions.setPrefWidth(500);
        decisions.setMaxWidth(600);
        ScrollIntoView.follow(decisions);
        SplitPane split = new SplitPane(queue, evidence, decisions);
        split.setId("reviewSplit");
        split.setDividerPositions(0.16, 0.58);
        SplitPane.setResizableWithParent(queue, false);
        SplitPane.setResizableWithParent(decisions, false);
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
                    if (n != null && !n.isDisabled() && n.isVisible()) {
                        n.requestFocus();
                    }
                });
            }
        });
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
                setWrapText(true);
                setPrefWidth(0);
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
        title.setWrapText(true);
        Label count = new Label();
        count.textProperty().bind(vm.queueTextProperty());
        count.setWrapText(true);
        count.setMinHeight(Label.USE_PREF_SIZE);
        title.setMinHeight(Label.USE_PREF_SIZE);

        ListView<DecidedItem> decided = new ListView<>(vm.decided());
        decided.setId("decidedList");
        decided.setAccessibleText("Decisions that can still be undone");
        decided.setPlaceholder(new Label("No decision to undo."));
        decided.setPrefHeight(150);
        decided.setMinHeight(70);
        decided.setCellFactory(l -> new ListCell<>() {
            private final Label text = new Label();
            private final Button undo = new Button("Undo");
            private final VBox box = new VBox(4, text, undo);

            {
                text.setWrapText(true);
                undo.setMnemonicParsing(false);
                undo.getStyleClass().add("undo-button");
                undo.setOnAction(e -> vm.undo(getItem()));
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(DecidedItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                text.setText(Character.toUpperCase(item.name().charAt(0)) + item.name().substring(1) + ": "
                        + item.outcome() + (item.patient() == null ? "" : " " + item.patient().displayName())
                        + (item.by() == null ? "" : " by " + item.by())
                        + (item.at() == null ? "" : ", " + DayFormat.dayAndTime(item.at())));
                undo.setAccessibleText("Undo the decision on " + item.name());
                undo.disableProperty().bind(vm.session().supervisorSignedIn().not());
                setGraphic(box);
            }
        });
        Label decidedTitle = new Label("Decided: can be undone until uploaded");
        decidedTitle.getStyleClass().add("section-title");
        decidedTitle.setWrapText(true);
        decidedTitle.setMinHeight(Label.USE_PREF_SIZE);
        decidedTitle.setLabelFor(decided);
        Button undoLast = action("undoDecisionButton", "Undo last decision", Keys.UNDO_DECISION,
                "Put the newest decision back: the document waits for review again", vm::undoLast);
        undoLast.disableProperty().bind(vm.session().supervisorSignedIn().not()
                .or(javafx.beans.binding.Bindings.isEmpty(vm.decided())));

        VBox box = new VBox(8, title, count, list, decidedTitle, decided, undoLast);
        box.getStyleClass().add("card");
        box.setMinWidth(210);
        box.setPrefWidth(250);
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    private VBox decisions() {
        SessionViewModel session = vm.session();
        VBox signInBox = signIn(session);

        Label who = new Label();
        who.textProperty().bind(session.whoProperty());
        who.setWrapText(true);
        Button signOut = new Button("Sign out");
        signOut.setId("signOutButton");
        signOut.setMnemonicParsing(false);
        signOut.setMinWidth(Button.USE_PREF_SIZE);
        signOut.setOnAction(e -> session.signOut());
        HBox whoBox = new HBox(8, who, signOut);
        whoBox.setAlignment(Pos.CENTER_LEFT);
        whoBox.visibleProperty().bind(session.supervisorSignedIn());
        whoBox.managedProperty().bind(whoBox.visibleProperty());

        Label candidateTitle = new Label("Candidate patient (from the index)");
        candidateTitle.getStyleClass().add("section-title");
        ListView<String> candidate = new ListView<>(vm.candidateLines());
        candidate.setId("candidateDetails");
        candidate.setAccessibleText("The candidate patient, each detail with whether the pages agree");
        candidate.setPrefHeight(136);
        candidate.setMinHeight(110);
        candidate.setFocusTraversable(true);
        candidate.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("agrees", "differs", "plain", "mixed");
                setText(empty ? null : s);
                setWrapText(true);
                setPrefWidth(0);
                if (!empty && s != null) {
                    getStyleClass().add(s.contains("\u2717") ? "differs" : s.contains("\u26a0") ? "mixed"
                            : s.contains("\u2713") ? "agrees" : "plain");
                }
            }
        });

        Label decideTitle = new Label("Decision");
        decideTitle.getStyleClass().add("section-title");
        Button accept = action("acceptButton", "Accept candidate", Keys.ACCEPT,
                "File the document to the candidate patient (asks you to confirm)", vm::accept);
        accept.getStyleClass().add("primary");
        accept.disableProperty().bind(vm.canAccept().not());
        TextField query = new TextField();
        query.setId("patientSearch");
        query.setPromptText("Name, NHS or hospital number, date of birth");
        query.setAccessibleText("Search the patient index (" + Keys.FIND_PATIENT.getDisplayText() + ")");
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnAction(e -> vm.search());
        Button search = action("searchButton", "Search", null, "Search the patient index", vm::search);
        TableView<ReviewViewModel.PatientRow> results = results();
        Button assign = action("assignButton", "File to chosen patient", Keys.FILE_TO_CHOSEN,
                "File the document to the patient chosen above (asks you to confirm)", vm::assignChosen);
        assign.disableProperty().bind(vm.canDecide().not().or(vm.chosenProperty().isNull()));
        Button unidentifiable = action("unidentifiableButton", "Mark unidentifiable", Keys.UNIDENTIFIABLE,
                "Keep the document here for good: it is never uploaded", vm::markUnidentifiable);
        unidentifiable.disableProperty().bind(vm.canDecide().not());
        Button rescan = action("sendRescanButton", "Send back for rescan", Keys.SEND_BACK,
                "Ask the clerk to scan it again (a to-do on the Scan screen)", vm::sendForRescan);
        rescan.disableProperty().bind(vm.canDecide().not());
        Label decision = new Label();
        decision.setId("decisionMessage");
        decision.textProperty().bind(vm.decisionMessageProperty());
        decision.setWrapText(true);
        decision.getStyleClass().add("decision-message");
        decision.setMinHeight(Label.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("reviewMessage");
        message.textProperty().bind(Shown.message(vm.messageProperty()));
        message.setWrapText(true);
        message.getStyleClass().add("message");
        message.setMinHeight(Label.USE_PREF_SIZE);

        Label searchLabel = new Label("Or choose another patient");
        searchLabel.getStyleClass().add("section-title");
        searchLabel.setLabelFor(query);
        HBox searchRow = new HBox(6, query, search);
        HBox.setHgrow(query, Priority.ALWAYS);
        VBox box = new VBox(8, signInBox, whoBox, decision, candidateTitle, candidate, decideTitle, accept, searchLabel,
                searchRow, results, assign, unidentifiable, rescan, message);
        box.getStyleClass().add("card");
        for (Button b : new Button[]{accept, assign, unidentifiable, rescan}) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        return box;
    }

    /** Why the document waits: what stands against filing it, and apart from it what agrees. */
    private ScrollPane reasons() {
        Label againstTitle = new Label("Against filing automatically");
        againstTitle.getStyleClass().add("section-title");
        againstTitle.setWrapText(true);
        againstTitle.setMinHeight(Label.USE_PREF_SIZE);
        Label against = new Label();
        against.setId("reasonsAgainst");
        against.textProperty().bind(vm.againstTextProperty());
        against.setWrapText(true);
        against.getStyleClass().add("reasons-against");
        against.setMinHeight(Label.USE_PREF_SIZE);
        Label agreeingTitle = new Label("Agreeing evidence");
        agreeingTitle.getStyleClass().add("section-title");
        agreeingTitle.setWrapText(true);
        agreeingTitle.setMinHeight(Label.USE_PREF_SIZE);
        Label agreeing = new Label();
        agreeing.setId("reasonsAgreeing");
        agreeing.textProperty().bind(vm.agreeingTextProperty());
        agreeing.setWrapText(true);
        agreeing.setMinHeight(Label.USE_PREF_SIZE);

        VBox left = new VBox(4, againstTitle, against);
        VBox right = new VBox(4, agreeingTitle, agreeing);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(300);
        right.setPrefWidth(300);
        HBox both = new HBox(16, left, right);
        ScrollPane scroll = new ScrollPane(both);
        scroll.setId("reasonsPanel");
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(130);
        scroll.setMinHeight(80);
        scroll.setMaxHeight(170);
        scroll.setAccessibleText("Why the document waits for a decision");
        return scroll;
    }

    private VBox signIn(SessionViewModel session) {
        TextField name = new TextField();
        name.setId("signInName");
        name.setPromptText("Supervisor name");
        name.setAccessibleText("Supervisor name (" + Keys.SIGN_IN.getDisplayText() + ")");
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.setPromptText("Password");
        password.setAccessibleText("Password");
        Button signIn = new Button("Sign in");
        signIn.setId("signInButton");
        signIn.setMnemonicParsing(false);
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
        Label notice = new Label();
        notice.textProperty().bind(session.noticeProperty());
        notice.setWrapText(true);
        notice.visibleProperty().bind(session.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        Label nameLabel = new Label("Name");
        nameLabel.setLabelFor(name);
        nameLabel.setMinWidth(Label.USE_PREF_SIZE);
        Label passwordLabel = new Label("Password");
        passwordLabel.setLabelFor(password);
        passwordLabel.setMinWidth(Label.USE_PREF_SIZE);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, nameLabel, name);
        form.addRow(1, passwordLabel, password);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(password, Priority.ALWAYS);
        Label signInTitle = new Label("Supervisor sign-in");
        signInTitle.getStyleClass().add("section-title");
        Label signInHelp = new Label("Review decisions need a supervisor and are written to the audit trail.");
        signInHelp.setWrapText(true);
        VBox box;
        if (session.hasSupervisorAccounts()) {
            box = new VBox(8, signInTitle, notice, signInHelp, form, signIn, error);
        } else {
            Label firstRun = new Label(FirstRun.explanation());
            firstRun.setId("firstRunHelp");
            firstRun.setWrapText(true);
            firstRun.getStyleClass().add("first-run");
            firstRun.setMinHeight(Label.USE_PREF_SIZE);
            box = new VBox(8, signInTitle, firstRun);
        }
        box.setId("signInBox");
        box.visibleProperty().bind(session.supervisorSignedIn().not());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TableView<ReviewViewModel.PatientRow> results() {
        TableView<ReviewViewModel.PatientRow> t = new TableView<>(vm.results());
        t.setId("searchResults");
        t.setPrefHeight(170);
        t.setMinHeight(120);
        t.setAccessibleText("Patients found: choose one; each detail is marked where it agrees or disagrees with the pages");
        t.setPlaceholder(new Label("Search, then choose a patient: nothing is chosen for you."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<java.util.function.Function<ReviewViewModel.PatientRow, String>> shown = List.of(
                r -> marked(r.agreement().name(), r.name()),
                r -> marked(r.agreement().nhsNumber(), r.nhs()),
                r -> marked(r.agreement().hospitalNumber(), r.hospitalNumber()),
                r -> marked(r.agreement().dateOfBirth(), r.born()));
        t.getColumns().add(column("Name", ReviewViewModel.PatientRow::name, r -> r.agreement().name(), 132));
        t.getColumns().add(column("NHS number", ReviewViewModel.PatientRow::nhs, r -> r.agreement().nhsNumber(), 112));
        t.getColumns().add(column("Hospital no.", ReviewViewModel.PatientRow::hospitalNumber,
                r -> r.agreement().hospitalNumber(), 92));
        t.getColumns().add(column("Born", ReviewViewModel.PatientRow::born, r -> r.agreement().dateOfBirth(), 104));
        // every name, number and date shown whole: the columns are as wide as what they show
        ColumnsFitContent.follow(t, shown);
        t.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(ReviewViewModel.PatientRow r, boolean empty) {
                super.updateItem(r, empty);
                setAccessibleText(empty || r == null ? null : r.accessibleText());
                setTooltip(empty || r == null ? null : new Tooltip(r.accessibleText()));
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.chosenProperty().set(b));
        vm.chosenProperty().addListener((o, a, b) -> {
            if (b == null) {
                t.getSelectionModel().clearSelection();
            }
        });
        return t;
    }

    private static TableColumn<ReviewViewModel.PatientRow, String> column(String name,
            java.util.function.Function<ReviewViewModel.PatientRow, String> value,
            java.util.function.Function<ReviewViewModel.PatientRow, EvidenceShown.Fit> fit, double width) {
        TableColumn<ReviewViewModel.PatientRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("agrees", "differs", "not-shown", "mixed");
                ReviewViewModel.PatientRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (empty || s == null || row == null) {
                    setText(null);
                    return;
                }
                EvidenceShown.Fit f = fit.apply(row);
                setText(marked(f, s));
                getStyleClass().add(switch (f) {
                    case AGREES -> "agrees";
                    case AGREES_AND_ANOTHER -> "mixed";
                    case DIFFERS -> "differs";
                    case NOT_SHOWN -> "not-shown";
                });
            }
        });
        return c;
    }

    /** A result's detail as its cell shows it: marked where it agrees or disagrees with the pages. */
    private static String marked(EvidenceShown.Fit f, String s) {
        return switch (f) {
            case AGREES -> "\u2713 ";
            case AGREES_AND_ANOTHER -> "\u26a0 ";
            case DIFFERS -> "\u2717 ";
            case NOT_SHOWN -> "";
        } + s;
    }

    private static Button action(String id, String text, KeyCombination key, String help, Runnable run) {
        String shown = key == null ? text : Shortcuts.withKey(text, key);
        Button b = new Button(shown);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setOnAction(e -> run.run());
        b.setTooltip(new Tooltip(help));
        b.setAccessibleText(shown + ": " + help);
        return b;
    }
}
