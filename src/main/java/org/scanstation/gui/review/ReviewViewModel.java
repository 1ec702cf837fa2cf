package org.scanstation.gui.review;

import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.scanstation.gui.SessionViewModel;
import org.scanstation.model.Patient;
import org.scanstation.station.ReviewItem;
import org.scanstation.station.Station;
import org.scanstation.station.StationException;
import org.scanstation.station.StationListener;

/**
 * The supervisor's review screen: held documents oldest first, the label enlarged beside the
 * candidate's demographics and the reasons, and the four decisions (each needs a signed-in supervisor).
 */
public final class ReviewViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());

    private final Station station;
    private final SessionViewModel session;
    private final Executor ui;
    private final Executor background;
    private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<ReviewItem> selected = new SimpleObjectProperty<>();
    private final StringProperty candidateText = new SimpleStringProperty("");
    private final StringProperty reasonsText = new SimpleStringProperty("");
    private final ObjectProperty<BufferedImage> labelImage = new SimpleObjectProperty<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Patient> results = FXCollections.observableArrayList();
    private final ObjectProperty<Patient> chosen = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty queueText = new SimpleStringProperty("");

    public ReviewViewModel(Station station, SessionViewModel session, Executor ui, Executor background) {
        this.station = station;
        this.session = session;
        this.ui = ui;
        this.background = background;
        selected.addListener((o, a, b) -> show(b));
        station.addListener(new StationListener() {
            @Override
            public void queuesChanged() {
                refresh();
            }

            @Override
            public void notice(String text) {
                if (text.contains("decision") || text.contains("sent back")) {
                    ui.execute(() -> message.set(text));
                }
            }
        });
    }

    /** Reloads the queue in the background, keeping the selection when it is still there. */
    public void refresh() {
        background.execute(() -> {
            List<ReviewItem> queue = station.reviewQueue();
            ui.execute(() -> {
                ReviewItem was = selected.get();
                items.setAll(queue);
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
        if (item == null) {
            candidateText.set("");
            reasonsText.set("");
            labelImage.set(null);
            return;
        }
        candidateText.set(describeCandidate(item));
        reasonsText.set(String.join("\n", item.reasons().stream().map(r -> "\u2022 " + r).toList()));
        labelImage.set(item.labelCrop());
    }

    static String describeCandidate(ReviewItem item) {
        Patient p = item.candidate();
        if (p == null) {
            return item.nhsNumberRead() == null ? "No candidate: no patient could be read from the label."
                    : "No candidate: NHS number " + formatted(item.nhsNumberRead())
                    + " was read but is not in the patient index.";
        }
        return p.displayName() + "\nNHS number " + p.nhsNumber().formatted() + "\nHospital number " + p.mrn()
                + "\nBorn " + p.dateOfBirth() + "   Sex " + p.sex() + "\nPostcode " + p.postcode();
    }

    private static String formatted(String digits) {
        return digits.length() == 10 ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6)
                : digits;
    }

    /** A line for the queue list (short batch id, no patient data). */
    public static String describe(ReviewItem item) {
        String batch = item.batchId().value();
        return "Document " + (item.document() + 1) + " of batch " + batch.substring(0, Math.min(8, batch.length()))
                + "\n" + item.pages() + (item.pages() == 1 ? " page" : " pages") + ", held " + TIME.format(item.heldSince());
    }

    public void search() {
        String q = query.get();
        background.execute(() -> {
            List<Patient> found = station.searchPatients(q);
            ui.execute(() -> {
                results.setAll(found);
                message.set(found.isEmpty() ? "No patient in the index matches \"" + q + "\"." : "");
                if (!found.isEmpty()) {
                    chosen.set(found.get(0));
                }
            });
        });
    }

    public void accept() {
        act(item -> station.accept(item, session.userProperty().get()), "accepted for the candidate");
    }

    public void assignChosen() {
        Patient p = chosen.get();
        if (p == null) {
            message.set("Search the index and choose a patient first.");
            return;
        }
        act(item -> station.assign(item, p, session.userProperty().get()), "filed to " + p.displayName());
    }

    public void markUnidentifiable() {
        act(item -> station.markUnidentifiable(item, session.userProperty().get()),
                "marked unidentifiable: held, never uploaded");
    }

    public void sendForRescan() {
        act(item -> station.sendForRescan(item, session.userProperty().get()), "sent back for rescanning");
    }

    private interface Decision {
        void apply(ReviewItem item);
    }

    private void act(Decision decision, String done) {
        ReviewItem item = selected.get();
        if (item == null) {
            message.set("Select a document first.");
            return;
        }
        try {
            decision.apply(item);
            message.set(item.key() + " " + done + ".");
        } catch (StationException e) {
            message.set(e.getMessage());
        }
    }

    public BooleanBinding canDecide() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && session.userProperty().get() != null
                && session.userProperty().get().isSupervisor(), selected, session.userProperty());
    }

    public BooleanBinding canAccept() {
        return Bindings.createBooleanBinding(() -> canDecide().get() && selected.get().candidate() != null,
                selected, session.userProperty());
    }

    public ObservableList<ReviewItem> items() {
        return items;
    }

    public ObjectProperty<ReviewItem> selectedProperty() {
        return selected;
    }

    public StringProperty candidateTextProperty() {
        return candidateText;
    }

    public StringProperty reasonsTextProperty() {
        return reasonsText;
    }

    public ObjectProperty<BufferedImage> labelImageProperty() {
        return labelImage;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Patient> results() {
        return results;
    }

    public ObjectProperty<Patient> chosenProperty() {
        return chosen;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty queueTextProperty() {
        return queueText;
    }

    public SessionViewModel session() {
        return session;
    }
}
