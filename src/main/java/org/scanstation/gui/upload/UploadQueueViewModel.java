package org.scanstation.gui.upload;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scanstation.gui.SessionViewModel;
import org.scanstation.station.DayFormat;
import org.scanstation.station.Station;
import org.scanstation.station.StationListener;
import org.scanstation.station.UploadLine;

/**
 * The upload queue screen: every document with the date scanned, its pages, its state and its own problem
 * in plain words (the patient too, while a supervisor is signed in); online/offline following the last
 * request to the EDMS; Retry now, which says what it found.
 */
public final class UploadQueueViewModel {

    /** What the patient column shows to someone who is not a signed-in supervisor. */
    public static final String SUPERVISOR_ONLY = "(supervisors only)";

    private final Station station;
    private final SessionViewModel session;
    private final Executor ui;
    private final Executor background;
    private final ObservableList<UploadLine> lines = FXCollections.observableArrayList();
    private final BooleanProperty online = new SimpleBooleanProperty();
    private final StringProperty connection = new SimpleStringProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public UploadQueueViewModel(Station station, SessionViewModel session, Executor ui, Executor background) {
        this.station = station;
        this.session = session;
        this.ui = ui;
        this.background = background;
        online.set(station.isOnline());
        connection.set(connectionLabel(station.isOnline(), station.connectionText()));
        station.addListener(new StationListener() {
            @Override
            public void queuesChanged() {
                refresh();
            }

            @Override
            public void connection(boolean isOnline, String text) {
                ui.execute(() -> {
                    online.set(isOnline);
                    connection.set(connectionLabel(isOnline, text));
                });
            }

            @Override
            public void uploadNotice(String text) {
                ui.execute(() -> message.set(text));
            }
        });
        session.userProperty().addListener((o, a, b) -> refresh());
    }

    static String connectionLabel(boolean isOnline, String text) {
        return (isOnline ? "\u25cf Online \u2013 " : "\u25cb Offline \u2013 ") + text.replaceFirst("^(Online|Offline): ", "")
                .replaceFirst("^Offline since", "since");
    }

    public void refresh() {
        background.execute(() -> {
            List<UploadLine> now = station.uploadLines();
            ui.execute(() -> {
                lines.setAll(now);
                long waiting = now.stream().filter(l -> l.state().equals("waiting to upload")).count();
                long failed = now.stream().filter(UploadLine::needsAttention).count();
                long done = now.stream().filter(l -> l.state().startsWith("uploaded")).count();
                long held = now.stream().filter(l -> l.state().startsWith("held")).count();
                summary.set(done + " uploaded, " + waiting + " waiting, " + failed + " failed, " + held + " held here");
            });
        });
    }

    public void retryNow() {
        message.set("Trying the EDMS now ...");
        station.retryNow();
    }

    /** The patient as the signed-in person may see it: name and NHS number for a supervisor. */
    public String patientShown(UploadLine l) {
        if (l.patient().isEmpty()) {
            return "";
        }
        return session.supervisorSignedIn().get() ? l.patient() + " (NHS " + l.nhsNumber() + ")" : SUPERVISOR_ONLY;
    }

    public static String scanned(UploadLine l) {
        return DayFormat.dayAndTime(l.scanned());
    }

    public ObservableList<UploadLine> lines() {
        return lines;
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    public StringProperty connectionProperty() {
        return connection;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** What Retry now found. */
    public StringProperty messageProperty() {
        return message;
    }
}
