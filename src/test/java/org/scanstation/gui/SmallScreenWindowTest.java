package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.WindowFixture.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.station.StationFixture;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a 1366 x 768 ward PC screen, with a batch, a held document and a supervisor signed in: it
 * opens on the screen, no smaller than 1280 x 720 where the screen allows, and on every screen no button
 * or label is narrower than its text (nothing cut to "MURP HY" or "…").
 */
class SmallScreenWindowTest extends FxRobot {

    @TempDir
    Path dir;
    WindowFixture f;

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void at1366x768EveryScreenFitsAndNoControlIsNarrowerThanItsContent() throws Exception {
        f = WindowFixture.open(dir, (String) null, 1366, 768);
        assertThat(f.stage.getWidth()).isEqualTo(1366);
        assertThat(f.stage.getHeight()).isEqualTo(768);
        assertThat(f.stage.getX()).isEqualTo(0);
        assertThat(f.stage.getY()).isEqualTo(0);
        assertThat(f.stage.getMinWidth()).isEqualTo(MainWindow.MIN_WIDTH);
        assertThat(f.stage.getMinHeight()).isEqualTo(MainWindow.MIN_HEIGHT);

        f.useScanner(this, WindowFixture.pages(dir, "pages", "0014", "0001", "0002"));
        f.scanWithF5(this, 3);
        interact(() -> f.window.scanViewModel().select(0));
        waitUntil(30, () -> f.window.scanViewModel().viewer().imageProperty().get() != null);
        check("Scan");

        clickOn("#fileButton");
        press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitUntil(60, () -> f.window.reviewViewModel().items().size() == 1
                && f.window.reviewViewModel().viewer().imageProperty().get() != null);
        clickOn("#signInName").write(StationFixture.SUPERVISOR);
        clickOn("#signInPassword").write(StationFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(10, () -> f.window.session().supervisorSignedIn().get());
        interact(() -> f.window.reviewViewModel().queryProperty().set("Scott"));
        interact(() -> f.window.reviewViewModel().search());
        waitUntil(10, () -> !f.window.reviewViewModel().results().isEmpty());
        check("Review");
        assertThat(resultCellsCutShort()).as("search results: every name, number and date shown whole").isEmpty();
        Node decisions = lookup("#decisionPanel").query();
        assertThat(decisions.getLayoutBounds().getWidth()).as("the candidate column keeps its width").isGreaterThanOrEqualTo(360);
        Node candidate = lookup("#candidateDetails").query();
        assertThat(candidate.getLayoutBounds().getWidth()).isGreaterThan(300);

        press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        check("Upload queue");
        press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        check("Settings");
    }

    @Test
    void theWindowOpensOnTheScreenItIsGivenAndComesBackWhenItIsOffEveryScreen() {
        Rectangle2D small = MainWindow.placement(new Rectangle2D(0, 0, 1366, 768));
        assertThat(small).isEqualTo(new Rectangle2D(0, 0, 1366, 768));
        Rectangle2D large = MainWindow.placement(new Rectangle2D(1920, 0, 2560, 1400));
        assertThat(large).isEqualTo(new Rectangle2D(1920 + 480, 200, 1600, 1000));
        Rectangle2D withTaskbar = MainWindow.placement(new Rectangle2D(0, 0, 1366, 728));
        assertThat(withTaskbar.getHeight()).isEqualTo(728);
    }

    /** Every visible button and label of the shown screen is at least as wide as its text needs. */
    private void check(String screen) {
        assertThat(cutShort()).as("controls narrower than their content on " + screen).isEmpty();
        Bounds window = f.window.scene().getRoot().getLayoutBounds();
        assertThat(window.getWidth()).isLessThanOrEqualTo(1366);
    }

    @Test
    void theCheckFindsALabelCutShortLikeTheOldCandidateColumn() throws Exception {
        f = WindowFixture.open(dir, (String) null, 1366, 768);
        javafx.scene.control.Label squeezed = new javafx.scene.control.Label("MURPHY, Liam");
        squeezed.setMaxWidth(45);
        interact(() -> ((javafx.scene.layout.Pane) lookup("#pageActions").query()).getChildren().add(squeezed));
        assertThat(cutShort()).anyMatch(c -> c.contains("'MURPHY, Liam' is 45.0 wide"));
    }

    private List<String> cutShort() {
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = lookup("#screens").queryAs(TabPane.class);
        Node content = tabs.getSelectionModel().getSelectedItem().getContent();
        List<String> cut = new ArrayList<>();
        List<Labeled> all = new ArrayList<>(labeled(content));
        all.addAll(labeled(((javafx.scene.layout.BorderPane) f.window.scene().getRoot()).getTop()));
        for (Labeled l : all) {
            String text = l.getText();
            if (text == null || text.isBlank() || !shown(l)) {
                continue;
            }
            double width = l.getWidth();
            if (l.isWrapText()) {
                double needed = l.prefHeight(width);
                if (l.getHeight() + 0.5 < needed && !inScrollPane(l)) {
                    cut.add(describe(l) + " is " + l.getHeight() + " high, its text needs " + needed);
                }
            } else if (width + 0.5 < l.prefWidth(-1)) {
                cut.add(describe(l) + " is " + width + " wide, its text needs " + l.prefWidth(-1));
            }
        }
        return cut;
    }

    /**
     * The search results' cells whose text is not shown whole (JavaFX cuts a text that does not fit, wrapped or
     * not, and ends it with an ellipsis: "999 605 5..."), as "'text' shown as 'what is drawn'".
     */
    private List<String> resultCellsCutShort() {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        Node table = lookup("#searchResults").query();
        for (Node n : table.lookupAll(".table-cell")) {
            javafx.scene.control.TableCell<?, ?> c = (javafx.scene.control.TableCell<?, ?>) n;
            String text = c.getText();
            if (text == null || text.isBlank() || !shown(c)) {
                continue;
            }
            Node drawn = c.lookup(".text");
            String shownText = drawn instanceof javafx.scene.text.Text t ? t.getText() : null;
            if (!text.equals(shownText)) {
                cut.add("'" + text + "' shown as '" + shownText + "'");
            }
            // and inside the table: a column pushed past its right edge is out of sight
            javafx.geometry.Bounds cell = c.localToScene(c.getLayoutBounds());
            javafx.geometry.Bounds inside = table.localToScene(table.getLayoutBounds());
            if (cell.getMaxX() > inside.getMaxX() + 0.5) {
                cut.add("'" + text + "' ends at x " + cell.getMaxX() + ", the table at " + inside.getMaxX());
            }
        }
        assertThat(table.lookupAll(".table-cell")).as("the check saw the results").isNotEmpty();
        return cut;
    }

    private static String describe(Labeled l) {
        return l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " '" + l.getText() + "'";
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null && n.getLayoutBounds().getWidth() > 0;
    }

    private static boolean inScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** Buttons and labels, not the cells of lists and tables (those scroll and show their text in a tooltip). */
    private static List<Labeled> labeled(Node root) {
        List<Labeled> out = new ArrayList<>();
        if (root instanceof IndexedCell<?>) {
            return out;
        }
        if (root instanceof Labeled l) {
            out.add(l);
        }
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(labeled(c));
            }
        }
        return out;
    }
}
