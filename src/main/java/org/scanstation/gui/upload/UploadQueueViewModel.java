package org.scanstation.gui.upload;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scanstation.station.Station;
import org.scanstation.station.StationListener;
import org.scanstation.station.UploadLine;

/** The upload queue screen: every document's state in plain words, online/offline, retry now. */
public final class UploadQueueViewModel {

    private final Station station;
    private final Executor ui;
    private final Executor background;
    private final ObservableList<UploadLine> lines = FXCollections.observableArrayList();
    private final BooleanProperty online = new SimpleBooleanProperty();
    private final StringProperty connection = new SimpleStringProperty();
    private final StringProperty summary = new SimpleStringProperty("");

    public UploadQueueViewModel(Station station, Executor ui, Executor background) {
        this.station = station;
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
        });
    }

    static String connectionLabel(boolean isOnline, String text) {
        return (isOnline ? "\u25cf Online \u2013 " : "\u25cb Offline \u2013 ") + text.replaceFirst("^(Online|Offline): ", "");
    }

    public void refresh() {
        background.execute(() -> {
            List<UploadLine> now = station.uploadLines();
            ui.execute(() -> {
                lines.setAll(now);
                long waiting = now.stream().filter(l -> l.state().equals("waiting to upload")).count();
                long failed = now.stream().filter(UploadLine::needsAttention).count();
                long done = now.stream().filter(l -> l.state().startsWith("uploaded")).count();
                summary.set(done + " uploaded, " + waiting + " waiting, " + failed + " failed");
            });
        });
    }

    public void retryNow() {
        station.retryNow();
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
}
