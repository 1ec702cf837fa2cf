package org.scanstation.gui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scanstation.gui.Confirmation;
import org.scanstation.gui.ReasonLines;
import org.scanstation.gui.SessionViewModel;
import org.scanstation.gui.viewer.PageViewerModel;
import org.scanstation.model.Patient;
import org.scanstation.station.DayFormat;
import org.scanstation.station.DecidedItem;
import org.scanstation.station.EvidenceShown;
import org.scanstation.station.ReviewItem;
import org.scanstation.station.Station;
import org.scanstation.station.StationException;
import org.scanstation.station.StationListener;

/**
 * The supervisor's review screen: held documents oldest first; the whole document, page by page, in the
 * viewer with what the analysis read marked on it; the candidate's details, each beside whether the pages
 * agree; the reasons against filing and the agreeing evidence apart; a patient search that never chooses
 * for the supervisor and shows where each result agrees or disagrees with the pages; the four decisions,
 * each filing one confirmed with the patient named beside the page; and undoing a decision until the
 * document starts to upload.
 */
public final class ReviewViewModel {

    /** A search result beside what the pages show. */
    public record PatientRow(Patient patient, EvidenceShown.Agreement agreement) {

        public String name() {
            return patient.displayName();
        }

        public String nhs() {
            return patient.nhsNumber().formatted();
        }

        public String hospitalNumber() {
            return patient.mrn() == null ? "" : patient.mrn();
        }

        public String born() {
            return DayFormat.day(patient.dateOfBirth());
        }

        /** The row in words for a screen reader: each fact and whether the pages agree. */
        public String accessibleText() {
            return name() + " " + fit(agreement.name()) + "; NHS " + nhs() + " " + fit(agreement.nhsNumber())
                    + "; hospital number " + hospitalNumber() + " " + fit(agreement.hospitalNumber()) + "; born "
                    + born() + " " + fit(agreement.dateOfBirth());
        }
    }

    private final Station station;
    private final SessionViewModel session;
    private final Executor ui;
    private final Executor background;
    private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<ReviewItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> candidateLines = FXCollections.observableArrayList();
    private final StringProperty candidateName = new SimpleStringProperty("");
    private final StringProperty againstText = new SimpleStringProperty("");
    private final StringProperty agreeingText = new SimpleStringProperty("");
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<PatientRow> results = FXCollections.observableArrayList();
    private final ObjectProperty<PatientRow> chosen = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty decisionMessage = new SimpleStringProperty("");
    private final StringProperty queueText = new SimpleStringProperty("");
    private final ObservableList<DecidedItem> decided = FXCollections.observableArrayList();
    private final ObjectProperty<Confirmation> pending = new SimpleObjectProperty<>();
    private final StringProperty focusTarget = new SimpleStringProperty("");
    private final PageViewerModel viewer;
    private final BooleanBinding canDecide;
    private final BooleanBinding canAccept;

    public ReviewViewModel(Station station, SessionViewModel session, Executor ui, Executor background) {
        this.station = station;
        this.session = session;
        this.ui = ui;
        this.background = background;
        this.viewer = new PageViewerModel(ui, background);
        canDecide = Bindings.createBooleanBinding(() -> selected.get() != null && session.userProperty().get() != null
                && session.userProperty().get().isSupervisor(), selected, session.userProperty());
        canAccept = Bindings.createBooleanBinding(() -> canDecide.get() && selected.get().candidate() != null,
                canDecide, selected);
        selected.addListener((o, a, b) -> {
            if (a == null || b == null || !a.key().equals(b.key())) {
                show(b);
            }
        });
        session.supervisorSignedIn().addListener((o, a, b) -> {
            if (b) {
                focus(selected.get() == null ? "reviewQueue" : selected.get().candidate() != null ? "acceptButton"
                        : "patientSearch");
            }
        });
        station.addListener(new StationListener() {
            @Override
            public void queuesChanged() {
                refresh();
            }

            @Override
            public void reviewNotice(String text) {
                ui.execute(() -> decisionMessage.set(text));
            }
        });
    }

    /** Reloads the queue and the decisions that can be undone in the background, keeping the selection. */
    public void refresh() {
        background.execute(() -> {
            List<ReviewItem> queue = station.reviewQueue();
            List<DecidedItem> undoable = station.decided();
            ui.execute(() -> {
                ReviewItem was = selected.get();
                items.setAll(queue);
                decided.setAll(undoable);
                queueText.set(queue.isEmpty() ? "Nothing to review." : queue.size() + (queue.size() == 1
                        ? " document waits" : " documents wait") + " for a decision (oldest first).");
                ReviewItem keep = was == null ? null : queue.stream().filter(i -> i.key().equals(was.key()))
                        .findFirst().orElse(null);
                selected.set(keep != null ? keep : queue.isEmpty() ? null : queue.get(0));
            });
        });
    }

    private void show(ReviewItem item) {
        chosen.set(null);
        results.clear();
        query.set("");
        message.set("");
        if (item == null) {
            candidateName.set("");
            candidateLines.clear();
            againstText.set("");
            agreeingText.set("");
            viewer.show(0, null);
            return;
        }
        candidateName.set(item.candidate() == null ? "No candidate" : item.candidate().displayName());
        candidateLines.setAll(describeCandidate(item));
        ReasonLines reasons = ReasonLines.of(item.reasons());
        againstText.set(reasons.against().isEmpty() ? "Nothing stands against it."
                : String.join("\n", reasons.against().stream().map(r -> "\u2717 " + r).toList()));
        agreeingText.set(reasons.agreeing().isEmpty() ? "Nothing was found that agrees."
                : String.join("\n", reasons.agreeing().stream().map(r -> "\u2713 " + r).toList()));
        viewer.show(item.pages(), k -> station.reviewPage(item, k));
    }

    /** The candidate's details, each with whether the document's pages agree. */
    static List<String> describeCandidate(ReviewItem item) {
        Patient p = item.candidate();
        if (p == null) {
            return List.of(item.nhsNumberRead() == null ? "No patient could be read from the pages."
                    : "NHS number " + formatted(item.nhsNumberRead()) + " was read but is not in the patient index.");
        }
        EvidenceShown.Agreement a = item.shown().agreementWith(p);
        List<String> lines = new ArrayList<>();
        lines.add(p.displayName() + "   " + fit(a.name()));
        lines.add("NHS number " + p.nhsNumber().formatted() + "   " + fit(a.nhsNumber()));
        lines.add("Hospital number " + (p.mrn() == null ? "none" : p.mrn()) + "   " + fit(a.hospitalNumber()));
        lines.add("Born " + DayFormat.day(p.dateOfBirth()) + "   " + fit(a.dateOfBirth()));
        lines.add("Sex " + (p.sex() == null ? "not recorded" : p.sex()) + "   Postcode "
                + (p.postcode() == null ? "not recorded" : p.postcode()));
        return lines;
    }

    static String fit(EvidenceShown.Fit f) {
        return switch (f) {
            case AGREES -> "\u2713 the pages agree";
            case AGREES_AND_ANOTHER -> "\u26a0 on the pages, with another patient's";
            case DIFFERS -> "\u2717 the pages show another";
            case NOT_SHOWN -> "\u2013 not on the pages";
        };
    }

    private static String formatted(String digits) {
        return digits.length() == 10 ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6)
                : digits;
    }

    /** A line for the queue list (short batch id, no patient data). */
    public static String describe(ReviewItem item) {
        return Character.toUpperCase(item.name().charAt(0)) + item.name().substring(1) + "\n" + item.pages()
                + (item.pages() == 1 ? " page" : " pages") + ", held " + DayFormat.dayAndTime(item.heldSince());
    }

    // ---------------------------------------------------------------- search

    /** Searches the index; nothing is chosen for the supervisor: they choose a result themselves. */
    public void search() {
        String q = query.get();
        ReviewItem item = selected.get();
        EvidenceShown shown = item == null ? EvidenceShown.NOTHING : item.shown();
        background.execute(() -> {
            List<Patient> found = station.searchPatients(q);
            List<PatientRow> rows = found.stream().map(p -> new PatientRow(p, shown.agreementWith(p))).toList();
            ui.execute(() -> {
                chosen.set(null);
                results.setAll(rows);
                message.set(found.isEmpty() ? "No patient in the index matches \"" + q + "\"."
                        : found.size() + (found.size() == 1 ? " patient matches" : " patients match")
                        + ": check each against the page and choose one.");
            });
        });
    }

    // ---------------------------------------------------------------- decisions

    /** Asks to confirm filing the document to the candidate, naming them, with the page beside it. */
    public void accept() {
        ReviewItem item = selected.get();
        if (!ready(item)) {
            return;
        }
        if (item.candidate() == null) {
            message.set("There is no candidate: search the index and choose the patient, or mark it unidentifiable.");
            return;
        }
        confirmFiling(item, item.candidate(), () -> station.accept(item, session.userProperty().get()));
    }

    /** Asks to confirm filing the document to the patient chosen from the search results. */
    public void assignChosen() {
        ReviewItem item = selected.get();
        if (!ready(item)) {
            return;
        }
        PatientRow row = chosen.get();
        if (row == null) {
            message.set("Search the index and choose a patient first.");
            return;
        }
        confirmFiling(item, row.patient(), () -> station.assign(item, row.patient(), session.userProperty().get()));
    }

    private void confirmFiling(ReviewItem item, Patient p, Runnable file) {
        EvidenceShown.Agreement a = item.shown().agreementWith(p);
        List<String> facts = new ArrayList<>();
        facts.add(p.displayName());
        facts.add("NHS number " + p.nhsNumber().formatted() + "   " + fit(a.nhsNumber()));
        facts.add("Born " + DayFormat.day(p.dateOfBirth()) + "   " + fit(a.dateOfBirth()));
        facts.add("Hospital number " + (p.mrn() == null ? "none" : p.mrn()) + "   " + fit(a.hospitalNumber()));
        facts.add("Name   " + fit(a.name()));
        if (a.anyDiffers()) {
            facts.add("\u26a0 Something on the pages disagrees with this patient, or belongs to another patient: look at"
                    + " the whole page before filing.");
        }
        facts.add((item.pages() == 1 ? "The page of " + item.name() + " goes"
                : "All " + item.pages() + " pages of " + item.name() + " go")
                + " to this patient's record. You can undo it until the document starts to upload.");
        pending.set(new Confirmation("fileToPatient", "File to a patient", "File " + item.name() + " to this patient?",
                facts, "File to " + p.displayName(), viewer.imageProperty().get(), () -> decide(file), true));
    }

    public void markUnidentifiable() {
        ReviewItem item = selected.get();
        if (!ready(item)) {
            return;
        }
        pending.set(new Confirmation("unidentifiable", "Mark unidentifiable", "Mark " + item.name()
                + " unidentifiable?", List.of("It is kept on this PC and never uploaded. You can undo it."),
                "Mark unidentifiable", viewer.imageProperty().get(),
                () -> decide(() -> station.markUnidentifiable(item, session.userProperty().get()))));
    }

    public void sendForRescan() {
        ReviewItem item = selected.get();
        if (!ready(item)) {
            return;
        }
        pending.set(new Confirmation("sendBack", "Send back for rescanning", "Send " + item.name()
                + " back to the clerk to be scanned again?", List.of("The clerk sees it as a to-do on the Scan screen,"
                + " with its " + item.pages() + (item.pages() == 1 ? " sheet" : " sheets") + ". It is never uploaded."
                + " You can undo it until it is rescanned."), "Send back for rescanning", viewer.imageProperty().get(),
                () -> decide(() -> station.sendForRescan(item, session.userProperty().get()))));
    }

    /** Undoes a decision: the document waits for review again. */
    public void undo(DecidedItem item) {
        if (item == null) {
            message.set("There is no decision to undo.");
            return;
        }
        try {
            decisionMessage.set("Undoing the decision on " + item.name() + " ...");
            station.undoDecision(item, session.userProperty().get());
        } catch (StationException e) {
            message.set(e.getMessage());
        }
    }

    /** Undoes the newest decision that can still be undone. */
    public void undoLast() {
        undo(decided.isEmpty() ? null : decided.get(0));
    }

    private boolean ready(ReviewItem item) {
        if (item == null) {
            message.set("Select a document first.");
            return false;
        }
        if (!canDecide.get()) {
            message.set("Only a signed-in supervisor can decide on a held document: sign in first.");
            focus("signInName");
            return false;
        }
        return true;
    }

    private void decide(Runnable decision) {
        try {
            decisionMessage.set("Working on the decision ...");
            message.set("");
            decision.run();
        } catch (StationException e) {
            message.set(e.getMessage());
        }
    }

    public void confirm() {
        Confirmation c = pending.get();
        pending.set(null);
        if (c != null) {
            c.action().run();
        }
    }

    public void cancel() {
        pending.set(null);
    }

    private void focus(String id) {
        focusTarget.set("");
        focusTarget.set(id);
    }

    // ---------------------------------------------------------------- properties

    public BooleanBinding canDecide() {
        return canDecide;
    }

    public BooleanBinding canAccept() {
        return canAccept;
    }

    public ObservableList<ReviewItem> items() {
        return items;
    }

    public ObjectProperty<ReviewItem> selectedProperty() {
        return selected;
    }

    public StringProperty candidateNameProperty() {
        return candidateName;
    }

    /** The candidate's details, one a line, each with whether the pages agree. */
    public ObservableList<String> candidateLines() {
        return candidateLines;
    }

    public StringProperty againstTextProperty() {
        return againstText;
    }

    public StringProperty agreeingTextProperty() {
        return agreeingText;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<PatientRow> results() {
        return results;
    }

    public ObjectProperty<PatientRow> chosenProperty() {
        return chosen;
    }

    /** Errors and hints (shown masked like every message line). */
    public StringProperty messageProperty() {
        return message;
    }

    /** What became of a decision; names the patient (shown to the supervisor, never logged). */
    public StringProperty decisionMessageProperty() {
        return decisionMessage;
    }

    public StringProperty queueTextProperty() {
        return queueText;
    }

    public ObservableList<DecidedItem> decided() {
        return decided;
    }

    public ObjectProperty<Confirmation> pendingProperty() {
        return pending;
    }

    public StringProperty focusTargetProperty() {
        return focusTarget;
    }

    public PageViewerModel viewer() {
        return viewer;
    }

    public SessionViewModel session() {
        return session;
    }
}
