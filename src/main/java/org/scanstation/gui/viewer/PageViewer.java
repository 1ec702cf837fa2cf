package org.scanstation.gui.viewer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import org.scanstation.gui.Keys;
import org.scanstation.gui.Shortcuts;
import org.scanstation.station.PageMark;

/**
 * The page viewer: the whole page, zoomable (fit page, fit width, 100 %, the mouse wheel, the keys), page by
 * page through a document, every label and barcode the analysis read outlined on the page and numbered, and
 * the legend saying what each said. All logic is in {@link PageViewerModel}.
 */
public final class PageViewer extends BorderPane {

    private final PageViewerModel vm;
    private final Pane marks = new Pane();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final ScrollPane scroll;

    public PageViewer(PageViewerModel vm, String idPrefix) {
        this.vm = vm;
        getStyleClass().add("page-viewer");
        ImageView image = new ImageView();
        image.setId(idPrefix + "PageImage");
        image.imageProperty().bind(vm.imageProperty());
        image.setAccessibleText("The whole page");
        Pane page = new Pane(image, marks);
        page.getTransforms().add(zoom);
        Group content = new Group(page);
        scroll = new ScrollPane(content);
        scroll.setId(idPrefix + "PageScroll");
        scroll.setPannable(true);
        scroll.getStyleClass().add("page-scroll");
        scroll.setAccessibleText("The page: drag to move it, the mouse wheel zooms");
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            vm.viewportWidthProperty().set(b.getWidth());
            vm.viewportHeightProperty().set(b.getHeight());
        });
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!e.isShiftDown() && e.getDeltaY() != 0) {
                vm.zoomBy(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
                e.consume();
            }
        });
        vm.scale().addListener((o, a, b) -> applyScale());
        vm.lookAtProperty().addListener((o, a, b) -> {
            if (b != null) {
                javafx.application.Platform.runLater(() -> centreOn(b));
            }
        });
        vm.marks().addListener((javafx.collections.ListChangeListener<PageMark>) c -> drawMarks());
        Label problem = new Label();
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        Label loading = new Label("Loading the page ...");
        loading.visibleProperty().bind(vm.loadingProperty());
        StackPane center = new StackPane(scroll, problem, loading);
        StackPane.setAlignment(loading, Pos.TOP_CENTER);
        setCenter(center);
        setTop(toolbar(idPrefix));
        setBottom(legend(idPrefix));
        applyScale();
    }

    private FlowPane toolbar(String idPrefix) {
        Button previous = button(idPrefix + "PreviousPage", "\u25c0 Previous page", Keys.PREVIOUS_PAGE, vm::previousPage);
        previous.disableProperty().bind(vm.pageIndexProperty().lessThanOrEqualTo(0));
        Label pageText = new Label();
        pageText.setId(idPrefix + "PageText");
        pageText.textProperty().bind(vm.pageTextProperty());
        pageText.getStyleClass().add("page-text");
        Button next = button(idPrefix + "NextPage", "Next page \u25b6", Keys.NEXT_PAGE, vm::nextPage);
        next.disableProperty().bind(vm.pageIndexProperty().add(1).greaterThanOrEqualTo(vm.pageCountProperty()));
        Button fitPage = button(idPrefix + "FitPage", "Fit page", Keys.FIT_PAGE, vm::fitPage);
        Button fitWidth = button(idPrefix + "FitWidth", "Fit width", Keys.FIT_WIDTH, vm::fitWidth);
        Button actual = button(idPrefix + "ActualSize", "100 %", Keys.ACTUAL_SIZE, vm::actualSize);
        Button out = button(idPrefix + "ZoomOut", "\u2212", Keys.ZOOM_OUT, vm::zoomOut);
        out.setAccessibleText("Zoom out (" + Keys.ZOOM_OUT.getDisplayText() + ")");
        Button in = button(idPrefix + "ZoomIn", "+", Keys.ZOOM_IN, vm::zoomIn);
        in.setAccessibleText("Zoom in (" + Keys.ZOOM_IN.getDisplayText() + ")");
        Label zoomText = new Label();
        zoomText.setId(idPrefix + "ZoomText");
        zoomText.textProperty().bind(Bindings.createStringBinding(vm::zoomText, vm.scale(), vm.fitProperty()));
        FlowPane bar = new FlowPane(6, 6, previous, pageText, next, fitPage, fitWidth, actual, out, in, zoomText);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 6, 0));
        return bar;
    }

    private ListView<String> legend(String idPrefix) {
        ListView<String> legend = new ListView<>(vm.legend());
        legend.setId(idPrefix + "Legend");
        legend.setPrefHeight(96);
        legend.setMinHeight(60);
        legend.setAccessibleText("What the analysis read on this page, by the numbers on the page");
        legend.setPlaceholder(new Label("What was read on the page is listed here."));
        // a line chosen (click, arrow keys): its mark shown large enough to read
        legend.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> vm.zoomToMark(b.intValue()));
        // and the same line clicked again, after the page was fitted or zoomed since
        legend.setOnMouseClicked(e -> vm.zoomToMark(legend.getSelectionModel().getSelectedIndex()));
        legend.setTooltip(new Tooltip("Choose a numbered line to see that label or barcode large on the page"));
        BorderPane.setMargin(legend, new Insets(6, 0, 0, 0));
        return legend;
    }

    private static Button button(String id, String text, javafx.scene.input.KeyCombination key, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(Shortcuts.withKey(text, key)));
        b.setAccessibleText(Shortcuts.withKey(text, key));
        return b;
    }

    /** Scrolls so that this point of the page (its pixels) is in the middle of the viewer, as far as the page allows. */
    private void centreOn(javafx.geometry.Point2D point) {
        scroll.layout();
        double s = vm.scale().get();
        javafx.geometry.Bounds content = scroll.getContent().getLayoutBounds();
        javafx.geometry.Bounds view = scroll.getViewportBounds();
        double spareX = content.getWidth() - view.getWidth();
        double spareY = content.getHeight() - view.getHeight();
        if (spareX > 0) {
            scroll.setHvalue(clamp((point.getX() * s - view.getWidth() / 2) / spareX));
        }
        if (spareY > 0) {
            scroll.setVvalue(clamp((point.getY() * s - view.getHeight() / 2) / spareY));
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private void applyScale() {
        double s = vm.scale().get();
        zoom.setX(s);
        zoom.setY(s);
        drawMarks();
    }

    /** Outlines each mark on the page with its number; the line width stays the same at every zoom. */
    private void drawMarks() {
        marks.getChildren().clear();
        double s = Math.max(0.01, vm.scale().get());
        int n = 1;
        for (PageMark m : vm.marks()) {
            Rectangle r = new Rectangle(m.region().x, m.region().y, m.region().width, m.region().height);
            r.getStyleClass().addAll("mark", m.kind() == PageMark.Kind.LABEL ? "mark-label" : "mark-barcode");
            r.setStrokeWidth(3 / s);
            r.setMouseTransparent(true);
            Label tag = new Label(Integer.toString(n++));
            tag.getStyleClass().addAll("mark-tag", m.kind() == PageMark.Kind.LABEL ? "mark-label" : "mark-barcode");
            tag.getTransforms().setAll(new Scale(1 / s, 1 / s, 0, 0));
            tag.setLayoutX(m.region().x);
            tag.setLayoutY(Math.max(0, m.region().y - 24 / s));
            tag.setAccessibleText(m.caption());
            marks.getChildren().addAll(r, tag);
        }
    }

    public PageViewerModel model() {
        return vm;
    }
}
