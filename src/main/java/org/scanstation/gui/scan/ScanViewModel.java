package org.scanstation.gui.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scanstation.config.StationConfig;
import org.scanstation.gui.PageStatusLook;
import org.scanstation.gui.SessionViewModel;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.scan.ScanDevice;
import org.scanstation.station.LivePage;
import org.scanstation.station.ScanProgress;
import org.scanstation.station.Station;
import org.scanstation.station.StationException;
import org.scanstation.station.StationListener;

/**
 * The clerk's scan screen: device and profile, Scan / Stop / File batch, the live page strip, the
 * batch as documents per patient, progress for scanning, analysis, OCR and upload.
 */
public final class ScanViewModel {

    /** A scanner in the picker. */
    public record DeviceChoice(String uri, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Station station;
    private final SessionViewModel session;
    private final Executor ui;
    private final Executor background;

    private final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList();
    private final ObservableList<StationConfig.ScanProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>();
    private final ObjectProperty<StationConfig.ScanProfile> profile = new SimpleObjectProperty<>();
    private final ObservableList<PageTile> pages = FXCollections.observableArrayList();
    private final ObjectProperty<PageTile> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> documents = FXCollections.observableArrayList();
    private final BooleanProperty scanning = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("Put the batch in the feeder and press Scan (F5).");
    private final StringProperty selectedText = new SimpleStringProperty("Select a page to see its patient and reason.");
    private final DoubleProperty scanProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty analysisProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty ocrProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty uploadProgress = new SimpleDoubleProperty(0);
    private final StringProperty scanCount = new SimpleStringProperty("0 pages");
    private final StringProperty analysisCount = new SimpleStringProperty("0 of 0");
    private final StringProperty ocrCount = new SimpleStringProperty("0 of 0");
    private final StringProperty uploadCount = new SimpleStringProperty("0 of 0");

    public ScanViewModel(Station station, SessionViewModel session, Executor ui, Executor background) {
        this.station = station;
        this.session = session;
        this.ui = ui;
        this.background = background;
        profiles.setAll(station.profiles());
        if (!profiles.isEmpty()) {
            profile.set(profiles.get(0));
        }
        DeviceChoice fallback = new DeviceChoice(station.defaultDevice(), nameOf(station.defaultDevice()));
        devices.add(fallback);
        device.set(fallback);
        selected.addListener((o, a, b) -> selectedText.set(describe(b)));
        station.addListener(new StationListener() {
            @Override
            public void pageAdded(LivePage page) {
                PageTile tile = tile(page);
                ui.execute(() -> {
                    pages.add(tile);
                    rebuildDocuments();
                });
            }

            @Override
            public void pagesChanged() {
                List<PageTile> tiles = station.openPages().stream().map(ScanViewModel::tile).toList();
                ui.execute(() -> {
                    pages.setAll(tiles);
                    rebuildDocuments();
                });
            }

            @Override
            public void progress(ScanProgress p) {
                ui.execute(() -> showProgress(p));
            }

            @Override
            public void notice(String text) {
                ui.execute(() -> message.set(text));
            }
        });
        showProgress(station.progress());
    }

    /** Asks the drivers for scanners in the background; the default device stays selected. */
    public void loadDevices() {
        background.execute(() -> {
            List<ScanDevice> found;
            try {
                found = station.devices();
            } catch (RuntimeException e) {
                found = List.of();
            }
            List<DeviceChoice> choices = new ArrayList<>();
            for (ScanDevice d : found) {
                choices.add(new DeviceChoice(d.uri(), d.name()));
            }
            ui.execute(() -> {
                DeviceChoice keep = device.get();
                for (DeviceChoice c : choices) {
                    if (devices.stream().noneMatch(d -> d.uri().equals(c.uri()))) {
                        devices.add(c);
                    }
                }
                device.set(keep);
            });
        });
    }

    private static String nameOf(String uri) {
        return "demo".equals(uri) ? "Demo scanner (sample batch)" : uri;
    }

    // ---------------------------------------------------------------- actions

    public void scan() {
        if (scanning.get()) {
            return;
        }
        if (device.get() == null) {
            message.set("Choose a scanner first.");
            return;
        }
        try {
            if (pages.isEmpty()) {
                station.resetCounters();
            }
            scanning.set(true);
            message.set("Scanning from " + device.get().name() + " ...");
            station.startScan(device.get().uri(), profile.get(), session.operator());
        } catch (StationException e) {
            message.set(e.getMessage());
        }
    }

    public void stop() {
        if (scanning.get()) {
            message.set("Stopping: the pages already scanned are kept.");
            station.stopScan();
        }
    }

    /** Files the batch: auto-filed documents go to the upload queue, the rest to review. */
    public void fileBatch() {
        if (pages.isEmpty()) {
            message.set("There are no pages to file.");
            return;
        }
        try {
            station.fileBatch();
            message.set("Filing the batch: documents are exported and queued ...");
        } catch (StationException e) {
            message.set(e.getMessage());
        }
    }

    public void deleteSelected() {
        PageTile t = selected.get();
        if (t == null) {
            message.set("Select a page first.");
            return;
        }
        try {
            station.deletePage(t.number());
            message.set("Page " + t.number() + " deleted from this batch.");
        } catch (StationException e) {
            message.set(e.getMessage());
        }
    }

    public void rescanSelected() {
        PageTile t = selected.get();
        if (t == null) {
            message.set("Select a page first.");
            return;
        }
        try {
            station.rescanPage(t.number());
        } catch (StationException e) {
            message.set(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- derived state

    static PageTile tile(LivePage p) {
        Patient patient = p.patient();
        String who = patient == null ? "no patient"
                : patient.displayName() + " (NHS " + patient.nhsNumber().formatted() + ")";
        String reason;
        if (p.status() == PageStatus.MATCHED) {
            reason = p.reasons().isEmpty() ? "matched on the label" : String.join("; ", p.reasons());
        } else if (p.status() == PageStatus.BLANK) {
            reason = "blank page: left out of the document";
        } else if (p.status() == PageStatus.SEPARATOR) {
            reason = "separator sheet: starts a new document";
        } else {
            reason = p.reasons().isEmpty() ? "a person must check this page" : String.join("; ", p.reasons());
        }
        return new PageTile(p.number(), PageStatusLook.of(p.status()), who, reason, p.document(), p.thumbnail());
    }

    static String describe(PageTile t) {
        if (t == null) {
            return "Select a page to see its patient and reason.";
        }
        return "Page " + t.number() + ": " + t.look().label() + "\nPatient: " + t.patient() + "\nReason: " + t.reason()
                + (t.document() > 0 ? "\nDocument " + t.document() : "");
    }

    private void rebuildDocuments() {
        Map<Integer, List<PageTile>> byDoc = new LinkedHashMap<>();
        for (PageTile t : pages) {
            if (t.document() > 0) {
                byDoc.computeIfAbsent(t.document(), k -> new ArrayList<>()).add(t);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Integer, List<PageTile>> e : byDoc.entrySet()) {
            List<PageTile> ts = e.getValue();
            boolean review = ts.stream().anyMatch(t -> t.look() == PageStatusLook.REVIEW);
            String patient = ts.stream().filter(t -> t.look() == PageStatusLook.MATCHED).map(PageTile::patient)
                    .findFirst().orElse(ts.get(0).patient());
            lines.add("Document " + e.getKey() + " \u2013 " + patient + " \u2013 " + ts.size()
                    + (ts.size() == 1 ? " page" : " pages") + " \u2013 "
                    + (review ? PageStatusLook.REVIEW.label() : PageStatusLook.MATCHED.symbol() + " Filed automatically"));
        }
        documents.setAll(lines);
    }

    private void showProgress(ScanProgress p) {
        scanning.set(p.scanning());
        scanProgress.set(p.scanning() ? -1 : p.scanned() > 0 ? 1 : 0);
        scanCount.set(p.scanned() + (p.scanned() == 1 ? " page" : " pages") + (p.scanning() ? " so far" : ""));
        analysisProgress.set(p.scanned() == 0 ? 0 : p.analysed() / (double) p.scanned());
        analysisCount.set(p.analysed() + " of " + p.scanned());
        ocrProgress.set(p.ocrTotal() == 0 ? 0 : Math.min(1, p.ocrDone() / (double) p.ocrTotal()));
        ocrCount.set(p.ocrDone() + " of " + p.ocrTotal());
        uploadProgress.set(p.toUpload() == 0 ? 0 : Math.min(1, p.uploaded() / (double) p.toUpload()));
        uploadCount.set(p.uploaded() + " of " + p.toUpload() + " documents");
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<DeviceChoice> devices() {
        return devices;
    }

    public ObservableList<StationConfig.ScanProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<DeviceChoice> deviceProperty() {
        return device;
    }

    public ObjectProperty<StationConfig.ScanProfile> profileProperty() {
        return profile;
    }

    public ObservableList<PageTile> pages() {
        return pages;
    }

    public ObjectProperty<PageTile> selectedProperty() {
        return selected;
    }

    public ObservableList<String> documents() {
        return documents;
    }

    public BooleanProperty scanningProperty() {
        return scanning;
    }

    public BooleanBinding canFile() {
        return Bindings.createBooleanBinding(() -> !scanning.get() && !pages.isEmpty(), scanning, pages);
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty selectedTextProperty() {
        return selectedText;
    }

    public DoubleProperty scanProgressProperty() {
        return scanProgress;
    }

    public DoubleProperty analysisProgressProperty() {
        return analysisProgress;
    }

    public DoubleProperty ocrProgressProperty() {
        return ocrProgress;
    }

    public DoubleProperty uploadProgressProperty() {
        return uploadProgress;
    }

    public StringProperty scanCountProperty() {
        return scanCount;
    }

    public StringProperty analysisCountProperty() {
        return analysisCount;
    }

    public StringProperty ocrCountProperty() {
        return ocrCount;
    }

    public StringProperty uploadCountProperty() {
        return uploadCount;
    }
}
