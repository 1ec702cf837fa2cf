package org.scanstation.gui.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.scanstation.gui.Confirmation;
import org.scanstation.gui.PageStatusLook;
import org.scanstation.gui.ReasonLines;
import org.scanstation.gui.SessionViewModel;
import org.scanstation.gui.viewer.PageViewerModel;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.scan.ScanDevice;
import org.scanstation.station.BatchTotals;
import org.scanstation.station.DayFormat;
import org.scanstation.station.LivePage;
import org.scanstation.station.RescanItem;
import org.scanstation.station.ScanProgress;
import org.scanstation.station.Station;
import org.scanstation.station.StationException;
import org.scanstation.station.StationListener;

/**
 * The clerk's scan screen: scanner and profile (with a warning before scanning when the scanner cannot do
 * what the profile asks), Scan / Stop / File batch, the pages as the clerk arranges them (select several,
 * move, delete with Undo, rescan in place, turn, say where a document starts), the selected page large, the
 * batch as documents per patient, totals that add up, the supervisor's rescan requests as to-do items, and
 * progress for scanning, analysis, OCR and upload.
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
    private final StringProperty profileWarning = new SimpleStringProperty("");
    private final ObservableList<PageTile> pages = FXCollections.observableArrayList();
    private final ObservableList<Integer> selectedIds = FXCollections.observableArrayList();
    private final ObjectProperty<PageTile> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> documents = FXCollections.observableArrayList();
    private final ObservableList<RescanItem> rescans = FXCollections.observableArrayList();
    private final BooleanProperty scanning = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("Put the batch in the feeder and press Scan (F5).");
    private final StringProperty selectedText = new SimpleStringProperty("Select a page to see it large, its patient and why.");
    private final StringProperty totalsText = new SimpleStringProperty("No pages in this batch yet.");
    private final StringProperty rescanText = new SimpleStringProperty("");
    private final ObjectProperty<BatchTotals> totals = new SimpleObjectProperty<>(BatchTotals.EMPTY);
    private final ObjectProperty<Confirmation> pending = new SimpleObjectProperty<>();
    private final StringProperty focusTarget = new SimpleStringProperty("");
    private final DoubleProperty scanProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty analysisProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty ocrProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty uploadProgress = new SimpleDoubleProperty(0);
    private final StringProperty scanCount = new SimpleStringProperty("no scan yet");
    private final StringProperty analysisCount = new SimpleStringProperty("0 of 0");
    private final StringProperty ocrCount = new SimpleStringProperty("0 of 0");
    private final StringProperty uploadCount = new SimpleStringProperty("0 of 0");
    private final PageViewerModel viewer;
    private boolean warningAccepted;

    public ScanViewModel(Station station, SessionViewModel session, Executor ui, Executor background) {
        this.station = station;
        this.session = session;
        this.ui = ui;
        this.background = background;
        this.viewer = new PageViewerModel(ui, background);
        profiles.setAll(station.profiles());
        if (!profiles.isEmpty()) {
            profile.set(profiles.get(0));
        }
        DeviceChoice fallback = new DeviceChoice(station.defaultDevice(), nameOf(station.defaultDevice()));
        devices.add(fallback);
        device.set(fallback);
        selected.addListener((o, a, b) -> {
            selectedText.set(describe(b));
            if (a == null || b == null || a.id() != b.id() || a.thumbnail() != b.thumbnail()) {
                showLarge(b);
            }
        });
        device.addListener((o, a, b) -> checkProfile());
        // a scan ended: the next action is filing the batch (or scanning, when nothing came)
        scanning.addListener((o, was, now) -> {
            if (was && !now) {
                focus(pages.isEmpty() ? "scanButton" : "fileButton");
            }
        });
        profile.addListener((o, a, b) -> checkProfile());
        station.addListener(new StationListener() {
            @Override
            public void pagesChanged() {
                List<LivePage> now = station.openPages();
                BatchTotals t = station.batchTotals();
                ui.execute(() -> showPages(now, t));
            }

            @Override
            public void progress(ScanProgress p) {
                ui.execute(() -> showProgress(p));
            }

            @Override
            public void queuesChanged() {
                refreshRescans();
            }

            @Override
            public void notice(String text) {
                ui.execute(() -> message.set(text));
            }
        });
        showProgress(station.progress());
        showPages(station.openPages(), station.batchTotals());
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
        checkProfile();
        refreshRescans();
    }

    private static String nameOf(String uri) {
        return "demo".equals(uri) ? "Demo scanner (sample batch)" : uri;
    }

    /** Asks the scanner (in the background) whether it can do what the profile asks; a warning when not. */
    private void checkProfile() {
        DeviceChoice d = device.get();
        StationConfig.ScanProfile p = profile.get();
        warningAccepted = false;
        if (d == null) {
            profileWarning.set("");
            return;
        }
        background.execute(() -> {
            Optional<String> w = station.profileWarning(d.uri(), p);
            ui.execute(() -> {
                if (d.equals(device.get()) && java.util.Objects.equals(p, profile.get())) {
                    profileWarning.set(w.orElse(""));
                }
            });
        });
    }

    public void refreshRescans() {
        background.execute(() -> {
            List<RescanItem> todo = station.rescans();
            ui.execute(() -> rescans.setAll(todo));
        });
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
        if (!profileWarning.get().isEmpty() && !warningAccepted) {
            pending.set(new Confirmation("profileWarning", "Check the scanner", profileWarning.get(), List.of(),
                    "Scan anyway", null, () -> {
                        warningAccepted = true;
                        scan();
                    }));
            return;
        }
        try {
            scanning.set(true);
            message.set(station.awaitingRescan().map(p -> "Scanning: the new page replaces page " + p.number() + " ...")
                    .orElse("Scanning from " + device.get().name() + " ..."));
            station.startScan(device.get().uri(), profile.get(), session.operator());
        } catch (StationException e) {
            scanning.set(false);
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
        if (pages.isEmpty() && totals.get().deleted() == 0) {
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

    /** Asks, then deletes the selected pages (Undo brings them back until the batch is filed). */
    public void deleteSelected() {
        List<Integer> ids = List.copyOf(selectedIds);
        if (ids.isEmpty()) {
            message.set("Select a page first.");
            return;
        }
        String what = ids.size() == 1 ? "page " + numberOf(ids.get(0)) : ids.size() + " pages";
        pending.set(new Confirmation("deletePages", "Delete pages", "Delete " + what + " from this batch?",
                List.of("Deleted pages are not filed. Undo (Ctrl+Z) brings them back until the batch is filed."),
                "Delete " + what, null, () -> act(() -> {
                    station.deletePages(ids);
                    message.set(capitalised(what) + " deleted from this batch. Undo (Ctrl+Z) brings "
                            + (ids.size() == 1 ? "it" : "them") + " back.");
                })));
    }

    /** Asks, then takes every page out of the batch (Undo brings them back until the batch is filed). */
    public void clearBatch() {
        if (pages.isEmpty()) {
            message.set("The batch has no pages.");
            return;
        }
        int n = pages.size();
        pending.set(new Confirmation("clearBatch", "Clear the batch", "Take all " + n + " pages out of this batch?",
                List.of("Nothing is filed. Undo (Ctrl+Z) brings them back until the batch is filed."),
                "Clear " + n + " pages", null, () -> act(() -> {
                    station.clearBatch();
                    message.set("The batch was cleared (" + n + " pages). Undo (Ctrl+Z) brings them back.");
                })));
    }

    public void undoDelete() {
        act(() -> message.set(station.undoDelete().map(w -> capitalised(w) + " brought back.")
                .orElse("Nothing to undo.")));
    }

    /** The selected page will be replaced by the next scan, in its place. */
    public void rescanSelected() {
        PageTile t = selected.get();
        if (t == null) {
            message.set("Select a page first.");
            return;
        }
        act(() -> {
            station.rescanInPlace(t.id());
            message.set("Put page " + t.number() + " back in the feeder and press Scan (F5): the new scan replaces it in"
                    + " its place.");
            focus("scanButton");
        });
    }

    public void cancelRescan() {
        act(() -> {
            station.rescanInPlace(null);
            message.set("The rescan was cancelled: the page stays as it is.");
        });
    }

    public void startsNewDocument() {
        boundary(Station.Boundary.STARTS_NEW, "starts a new document");
    }

    public void joinsPreviousDocument() {
        boundary(Station.Boundary.JOINS_PREVIOUS, "joins the document before it");
    }

    public void asAnalysed() {
        boundary(Station.Boundary.AS_ANALYSED, "is placed as the analysis placed it");
    }

    private void boundary(Station.Boundary b, String words) {
        PageTile t = selected.get();
        if (t == null) {
            message.set("Select a page first.");
            return;
        }
        act(() -> {
            station.setBoundary(t.id(), b);
            message.set("Page " + t.number() + " " + words + ".");
        });
    }

    /** Turns the selected page a quarter clockwise; it is analysed again the right way up. */
    public void turnSelected() {
        PageTile t = selected.get();
        if (t == null) {
            message.set("Select a page first.");
            return;
        }
        act(() -> {
            station.turnPage(t.id(), 90);
            message.set("Turning page " + t.number() + " and reading it again ...");
        });
    }

    /** Moves the selected pages one place earlier (-1) or later (+1). */
    public void moveSelected(int by) {
        List<Integer> ids = List.copyOf(selectedIds);
        if (ids.isEmpty()) {
            message.set("Select a page first.");
            return;
        }
        int first = pages.size();
        int last = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (ids.contains(pages.get(i).id())) {
                first = Math.min(first, i);
                last = Math.max(last, i);
            }
        }
        int to = by < 0 ? Math.max(0, first - 1) : Math.min(pages.size(), last + 2);
        moveTo(ids, to);
    }

    /** Moves pages (dragged, or selected) before the page now at {@code position} (from 0; the end when past it). */
    public void moveTo(List<Integer> ids, int position) {
        act(() -> {
            station.movePages(ids, position);
            message.set((ids.size() == 1 ? "Page" : ids.size() + " pages") + " moved.");
        });
    }

    /** The clerk scanned again the sheets a supervisor sent back. */
    public void markRescanned(RescanItem item) {
        act(() -> {
            station.rescanned(item, session.operator());
            message.set("Done: " + item.name() + " was rescanned.");
        });
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

    private void act(Runnable r) {
        try {
            r.run();
        } catch (StationException e) {
            message.set(e.getMessage());
        }
    }

    /** Moves the focus to the control with this id (set even when it is the same again). */
    private void focus(String id) {
        focusTarget.set("");
        focusTarget.set(id);
    }

    private int numberOf(int id) {
        return pages.stream().filter(p -> p.id() == id).map(PageTile::number).findFirst().orElse(0);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- derived state

    private void showPages(List<LivePage> now, BatchTotals t) {
        Integer keep = selected.get() == null ? null : selected.get().id();
        List<Integer> keepIds = List.copyOf(selectedIds);
        List<PageTile> tiles = now.stream().map(ScanViewModel::tile).toList();
        pages.setAll(tiles);
        selectedIds.setAll(keepIds.stream().filter(id -> tiles.stream().anyMatch(p -> p.id() == id)).toList());
        selected.set(keep == null ? null : tiles.stream().filter(p -> p.id() == keep).findFirst().orElse(null));
        totals.set(t);
        totalsText.set(totalsLine(t));
        rescanText.set(station.awaitingRescan().map(p -> "Page " + p.number()
                + " waits for its rescan: put the sheet in the feeder and press Scan (F5); the new scan takes its place.")
                .orElse(""));
        rebuildDocuments();
    }

    static String totalsLine(BatchTotals t) {
        if (t.scanned() == 0 && t.deleted() == 0) {
            return "No pages in this batch yet.";
        }
        return t.scanned() + (t.scanned() == 1 ? " page" : " pages") + " scanned = " + t.filed() + " filed automatically + "
                + t.review() + " for review + " + t.blank() + " blank + " + t.separator() + " separator"
                + (t.separator() == 1 ? "" : "s") + "  (" + t.documents() + (t.documents() == 1 ? " document" : " documents")
                + ")" + (t.deleted() > 0 ? ";  " + t.deleted() + " deleted (Ctrl+Z brings back)" : "");
    }

    static PageTile tile(LivePage p) {
        Patient patient = p.patient();
        String who = patient == null ? "no patient"
                : patient.displayName() + " (NHS " + patient.nhsNumber().formatted() + ")";
        String reason;
        if (p.status() == PageStatus.BLANK) {
            reason = "Blank page: left out of the document.";
        } else if (p.status() == PageStatus.SEPARATOR) {
            reason = "Separator sheet: ends the document before it.";
        } else if (p.reasons().isEmpty()) {
            reason = p.status() == PageStatus.MATCHED ? "Matched on the label." : "A person must check this page.";
        } else {
            reason = ReasonLines.of(p.reasons()).text();
        }
        List<String> marks = new ArrayList<>();
        if (p.startsNew()) {
            marks.add("starts a new document (you said)");
        }
        if (p.joinsPrevious()) {
            marks.add("joins the document before it (you said)");
        }
        if (p.turned() != 0) {
            marks.add("turned " + p.turned() + "\u00b0 by you");
        }
        if (p.awaitingRescan()) {
            marks.add("waiting for its rescan");
        }
        return new PageTile(p.number(), p.id(), PageStatusLook.of(p.status()), who, reason, p.document(),
                p.holdReason(), String.join("; ", marks), p.thumbnail());
    }

    static String describe(PageTile t) {
        if (t == null) {
            return "Select a page to see it large, its patient and why.";
        }
        return "Page " + t.number() + ": " + t.look().label() + (t.document() > 0 ? ", document " + t.document() : "")
                + "\nPatient: " + t.patient()
                + (t.holdReason() != null ? "\nIts document will be held for review: " + DayFormat.rewrite(t.holdReason()) : "")
                + (t.marks().isEmpty() ? "" : "\nMarked: " + t.marks())
                + "\n" + t.reason();
    }

    private void showLarge(PageTile t) {
        if (t == null) {
            viewer.show(0, null);
            return;
        }
        int id = t.id();
        viewer.show(1, k -> station.openPageView(id));
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
            String hold = ts.get(0).holdReason();
            String patient = ts.stream().filter(t -> t.look() == PageStatusLook.MATCHED).map(PageTile::patient)
                    .findFirst().orElse(ts.get(0).patient());
            String numbers = ts.size() == 1 ? "page " + ts.get(0).number()
                    : "pages " + String.join(", ", ts.stream().map(t -> String.valueOf(t.number())).toList());
            lines.add("Document " + e.getKey() + " \u2013 " + patient + " \u2013 " + numbers + " \u2013 "
                    + (hold != null ? PageStatusLook.REVIEW.label() + ": " + DayFormat.rewrite(hold)
                    : PageStatusLook.MATCHED.symbol() + " Filed automatically"));
        }
        documents.setAll(lines);
    }

    private void showProgress(ScanProgress p) {
        scanning.set(p.scanning());
        scanProgress.set(p.scanning() ? -1 : p.scanned() > 0 ? 1 : 0);
        scanCount.set(p.scanning() ? p.scanned() + (p.scanned() == 1 ? " page" : " pages") + " so far"
                : p.scanned() == 0 ? "no scan yet" : "last scan: " + p.scanned() + (p.scanned() == 1 ? " page" : " pages"));
        analysisProgress.set(p.scanned() == 0 ? 0 : Math.min(1, p.analysed() / (double) p.scanned()));
        analysisCount.set(p.analysed() + " of " + p.scanned());
        ocrProgress.set(p.ocrTotal() == 0 ? 0 : Math.min(1, p.ocrDone() / (double) p.ocrTotal()));
        ocrCount.set(p.ocrDone() + " of " + p.ocrTotal() + " pages");
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

    public StringProperty profileWarningProperty() {
        return profileWarning;
    }

    public ObservableList<PageTile> pages() {
        return pages;
    }

    /** The pages selected in the strip (several for delete and move), by id. */
    public ObservableList<Integer> selectedIds() {
        return selectedIds;
    }

    /** The page shown large (the one last selected). */
    public ObjectProperty<PageTile> selectedProperty() {
        return selected;
    }

    /** Selects one page (by its place, from 0) alone: it is shown large. */
    public void select(int position) {
        if (position >= 0 && position < pages.size()) {
            PageTile t = pages.get(position);
            selectedIds.setAll(t.id());
            selected.set(t);
        }
    }

    /** Selects the page before or after the one shown large. */
    public void selectNext(int by) {
        int at = selected.get() == null ? -1 : pages.indexOf(selected.get());
        select(Math.max(0, Math.min(pages.size() - 1, at + by)));
    }

    public ObservableList<String> documents() {
        return documents;
    }

    public ObservableList<RescanItem> rescans() {
        return rescans;
    }

    public BooleanProperty scanningProperty() {
        return scanning;
    }

    public BooleanBinding canFile() {
        return Bindings.createBooleanBinding(() -> !scanning.get() && (!pages.isEmpty() || totals.get().deleted() > 0),
                scanning, pages, totals);
    }

    public BooleanBinding hasSelection() {
        return Bindings.isNotEmpty(selectedIds);
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty selectedTextProperty() {
        return selectedText;
    }

    public StringProperty totalsTextProperty() {
        return totalsText;
    }

    public ObjectProperty<BatchTotals> totalsProperty() {
        return totals;
    }

    public StringProperty rescanTextProperty() {
        return rescanText;
    }

    public ObjectProperty<Confirmation> pendingProperty() {
        return pending;
    }

    /** The id of the control the next action is on (the view moves the focus there); changes when it should move. */
    public StringProperty focusTargetProperty() {
        return focusTarget;
    }

    public PageViewerModel viewer() {
        return viewer;
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
