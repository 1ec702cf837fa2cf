package org.scanstation.gui.viewer;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.scanstation.gui.Images;
import org.scanstation.station.PageMark;
import org.scanstation.station.PageView;

/**
 * The page viewer (Scan and Review screens alike): which page of how many is shown, how large (fit the
 * page, fit the width, 100 %, or zoomed by the mouse wheel and keys), and what the analysis read marked on
 * it with a legend. Pages load in the background; the newest request wins.
 */
public final class PageViewerModel {

    /** How the page's size follows the viewer's. */
    public enum Fit {
        PAGE, WIDTH, ACTUAL, FREE
    }

    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 4.0;
    static final double STEP = 1.25;
    /** A mark chosen in the legend is shown at most this large (a small barcode is not blown up to the viewer). */
    static final double MARK_ZOOM_LIMIT = 2.0;
    /** Room left around a mark chosen in the legend, as a share of its size on each side. */
    static final double MARK_MARGIN = 0.15;

    private final Executor ui;
    private final Executor background;
    private final IntegerProperty pageCount = new SimpleIntegerProperty(0);
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(0);
    private final ObjectProperty<PageView> view = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final ObservableList<PageMark> marks = FXCollections.observableArrayList();
    private final ObservableList<String> legend = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<Fit> fit = new SimpleObjectProperty<>(Fit.PAGE);
    private final DoubleProperty freeZoom = new SimpleDoubleProperty(1.0);
    private final DoubleProperty viewportWidth = new SimpleDoubleProperty(600);
    private final DoubleProperty viewportHeight = new SimpleDoubleProperty(800);
    private final StringProperty pageText = new SimpleStringProperty("No page");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObjectProperty<javafx.geometry.Point2D> lookAt = new SimpleObjectProperty<>();
    private final DoubleBinding scale;
    private IntFunction<PageView> loader;
    private long request;

    public PageViewerModel(Executor ui, Executor background) {
        this.ui = ui;
        this.background = background;
        scale = Bindings.createDoubleBinding(this::computeScale, fit, freeZoom, viewportWidth, viewportHeight, image);
        pageIndex.addListener((o, a, b) -> load());
        pageText.bind(Bindings.createStringBinding(() -> pageCount.get() == 0 ? "No page"
                : "Page " + (pageIndex.get() + 1) + " of " + pageCount.get(), pageIndex, pageCount));
    }

    /** Shows the pages {@code load} gives (called in the background), from the first; null or 0 pages: nothing. */
    public void show(int count, IntFunction<PageView> load) {
        loader = load;
        pageCount.set(load == null ? 0 : count);
        if (pageIndex.get() != 0) {
            pageIndex.set(0);
        } else {
            load();
        }
    }

    /** Loads the shown page again (e.g. after the page was turned). */
    public void reload() {
        load();
    }

    private void load() {
        long mine = ++request;
        IntFunction<PageView> l = loader;
        int k = pageIndex.get();
        if (l == null || pageCount.get() == 0) {
            shown(null, null);
            return;
        }
        loading.set(true);
        background.execute(() -> {
            PageView v = l.apply(k);
            Image fx = v == null ? null : Images.toFx(v.image());
            ui.execute(() -> {
                if (mine == request) {
                    shown(v, fx);
                }
            });
        });
    }

    private void shown(PageView v, Image fx) {
        loading.set(false);
        view.set(v);
        image.set(fx);
        marks.setAll(v == null ? List.of() : v.marks());
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (v != null) {
            for (int i = 0; i < v.marks().size(); i++) {
                lines.add((i + 1) + "  " + v.marks().get(i).caption());
            }
            lines.addAll(v.unplaced());
            if (v.marks().isEmpty() && v.unplaced().isEmpty() && v.problem() == null) {
                lines.add("Nothing that identifies a patient was read on this page.");
            }
        }
        legend.setAll(lines);
        problem.set(v == null || v.problem() == null ? "" : v.problem());
    }

    private double computeScale() {
        Image img = image.get();
        if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
            return 1.0;
        }
        double w = Math.max(50, viewportWidth.get() - 4);
        double h = Math.max(50, viewportHeight.get() - 4);
        return switch (fit.get()) {
            case PAGE -> Math.min(w / img.getWidth(), h / img.getHeight());
            case WIDTH -> w / img.getWidth();
            case ACTUAL -> 1.0;
            case FREE -> freeZoom.get();
        };
    }

    // ---------------------------------------------------------------- actions

    public void nextPage() {
        if (pageIndex.get() + 1 < pageCount.get()) {
            pageIndex.set(pageIndex.get() + 1);
        }
    }

    public void previousPage() {
        if (pageIndex.get() > 0) {
            pageIndex.set(pageIndex.get() - 1);
        }
    }

    public void fitPage() {
        fit.set(Fit.PAGE);
    }

    public void fitWidth() {
        fit.set(Fit.WIDTH);
    }

    public void actualSize() {
        fit.set(Fit.ACTUAL);
    }

    public void zoomIn() {
        zoomBy(STEP);
    }

    public void zoomOut() {
        zoomBy(1 / STEP);
    }

    /**
     * Shows mark {@code index} (0-based: legend line {@code index + 1}) large enough to read: zoomed so that it
     * fills the viewer with a margin, never smaller than the whole page fitted nor larger than
     * {@link #MARK_ZOOM_LIMIT}, and centred ({@link #lookAtProperty()}). A supervisor on a small screen reads the
     * label this way beside the candidate patient. Indexes without a mark (lines of the legend that are not
     * numbered) are ignored.
     */
    public void zoomToMark(int index) {
        Image img = image.get();
        if (index < 0 || index >= marks.size() || img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
            return;
        }
        java.awt.Rectangle r = marks.get(index).region();
        double w = Math.max(50, viewportWidth.get() - 4);
        double h = Math.max(50, viewportHeight.get() - 4);
        double fitsMark = Math.min(w / (r.width * (1 + 2 * MARK_MARGIN)), h / (r.height * (1 + 2 * MARK_MARGIN)));
        double fitsPage = Math.min(w / img.getWidth(), h / img.getHeight());
        freeZoom.set(Math.max(fitsPage, Math.min(MARK_ZOOM_LIMIT, fitsMark)));
        fit.set(Fit.FREE);
        lookAt.set(null);
        lookAt.set(new javafx.geometry.Point2D(r.getCenterX(), r.getCenterY()));
    }

    /** Zooms from the present size by {@code factor} (e.g. a mouse wheel notch). */
    public void zoomBy(double factor) {
        double now = scale.get();
        freeZoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, now * factor)));
        fit.set(Fit.FREE);
    }

    // ---------------------------------------------------------------- properties

    public DoubleBinding scale() {
        return scale;
    }

    /** The zoom in words, e.g. "Fit page (34 %)". */
    public String zoomText() {
        int pct = (int) Math.round(scale.get() * 100);
        return switch (fit.get()) {
            case PAGE -> "Fit page (" + pct + " %)";
            case WIDTH -> "Fit width (" + pct + " %)";
            case ACTUAL -> "100 %";
            case FREE -> pct + " %";
        };
    }

    public IntegerProperty pageCountProperty() {
        return pageCount;
    }

    public IntegerProperty pageIndexProperty() {
        return pageIndex;
    }

    public ObjectProperty<PageView> viewProperty() {
        return view;
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public ObservableList<PageMark> marks() {
        return marks;
    }

    public ObservableList<String> legend() {
        return legend;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ObjectProperty<Fit> fitProperty() {
        return fit;
    }

    public DoubleProperty viewportWidthProperty() {
        return viewportWidth;
    }

    public DoubleProperty viewportHeightProperty() {
        return viewportHeight;
    }

    public StringProperty pageTextProperty() {
        return pageText;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** The point of the page (its pixels) the viewer should centre, after {@link #zoomToMark}; null otherwise. */
    public ObjectProperty<javafx.geometry.Point2D> lookAtProperty() {
        return lookAt;
    }
}
