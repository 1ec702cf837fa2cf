package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.WindowFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.gui.scan.PageTile;
import org.scanstation.gui.scan.ScanViewModel;
import org.scanstation.station.LivePage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scan screen driven as a clerk would: a page opened large (Enter, double-click), several selected and
 * deleted (asked first) and brought back, pages dragged into another order, a page said to start a new
 * document and turned, a page rescanned in its place (not at the end of the batch), the batch cleared and
 * brought back; the totals add up throughout.
 */
class ScanWindowTest extends FxRobot {

    @TempDir
    Path dir;
    WindowFixture f;

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private List<String> names() {
        return f.station.openPages().stream().map(p -> p.analysis().id().name()).toList();
    }

    private Node tile(int position) {
        return lookup((Node n) -> n instanceof ListCell<?> c && c.getItem() instanceof PageTile t
                && t.number() == position + 1).query();
    }

    @Test
    void aClerkSeesPagesLargeArrangesThemAndRescansAPageInItsPlace() throws Exception {
        f = WindowFixture.open(dir, null);
        f.useScanner(this, WindowFixture.pages(dir, "pages", "0001", "0004", "0007"));
        f.scanWithF5(this, 3);
        ScanViewModel scan = f.window.scanViewModel();
        assertThat(names()).containsExactly("0001.jpg", "0004.jpg", "0007.jpg");
        assertThat(lookup("#batchTotals").queryLabeled().getText()).startsWith("3 pages scanned = 3 filed automatically");
        assertThat(lookup("#fileButton").queryButton().isFocused()).as("the focus is on the next action").isTrue();

        // a page large: Enter on the strip, then double-click another
        clickOn(tile(0));
        type(KeyCode.ENTER);
        waitUntil(30, () -> scan.viewer().imageProperty().get() != null);
        ImageView large = lookup("#scanPageImage").queryAs(ImageView.class);
        assertThat(large.getImage().getHeight() * scan.viewer().scale().get()).as("a readable size").isGreaterThan(500);
        assertThat(scan.viewer().legend()).anyMatch(l -> l.startsWith("1  "));
        doubleClickOn(tile(2));
        waitUntil(30, () -> scan.selectedProperty().get() != null && scan.selectedProperty().get().number() == 3);

        // several selected, deleted after being asked, brought back
        clickOn(tile(0));
        press(KeyCode.CONTROL).clickOn(tile(1)).release(KeyCode.CONTROL);
        assertThat(scan.selectedIds()).hasSize(2);
        type(KeyCode.DELETE);
        waitUntil(10, () -> !f.dialogs().isEmpty());
        assertThat(lookup(".confirm-question").queryLabeled().getText()).isEqualTo("Delete 2 pages from this batch?");
        clickOn("#confirmButton");
        waitUntil(10, () -> names().equals(List.of("0007.jpg")));
        assertThat(lookup("#batchTotals").queryLabeled().getText()).contains("2 deleted");
        clickOn("#undoDeleteButton");
        waitUntil(10, () -> names().size() == 3);
        assertThat(names()).containsExactly("0001.jpg", "0004.jpg", "0007.jpg");

        // dragged into another order: the unlabelled page first, where it cannot be filed to anybody
        drag(tile(2), MouseButton.PRIMARY).dropTo(tile(0));
        waitUntil(10, () -> names().get(0).equals("0007.jpg"));
        assertThat(f.station.openPages().get(0).holdReason()).as("no label and no labelled page before it").isNotNull();
        // and back with the keyboard
        interact(() -> scan.select(0));
        press(KeyCode.ALT).type(KeyCode.RIGHT, KeyCode.RIGHT).release(KeyCode.ALT);
        waitUntil(10, () -> names().equals(List.of("0001.jpg", "0004.jpg", "0007.jpg")));

        // the unlabelled page starts a new document: held, never filed to the patient before it
        interact(() -> scan.select(2));
        press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        waitUntil(10, () -> f.station.openPages().get(2).startsNew());
        assertThat(f.station.openPages().get(2).holdReason()).isNotNull();
        assertThat(lookup("#pageDetail").queryLabeled().getText()).contains("starts a new document");
        clickOn("#asAnalysedButton");
        waitUntil(10, () -> !f.station.openPages().get(2).startsNew());

        // rescan in place: page 2 is replaced by the next scan, in its place
        interact(() -> scan.select(1));
        press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#rescanBanner").queryLabeled().isVisible());
        assertThat(lookup("#rescanBanner").queryLabeled().getText()).startsWith("Page 2 waits for its rescan");
        f.useScanner(this, WindowFixture.pages(dir, "again", "0010"));
        // the Scan button is disabled once clicked: the focus must not pass to Stop, where Enter or Space (pressed
        // to answer something else) would stop the feeder; Escape and a click stop it
        List<String> focused = new java.util.concurrent.CopyOnWriteArrayList<>();
        javafx.scene.Scene scene = lookup("#scanButton").query().getScene();
        interact(() -> scene.focusOwnerProperty().addListener((o, a, b) -> focused.add(b == null ? "" : String.valueOf(b.getId()))));
        clickOn("#scanButton");
        waitUntil(120, () -> !f.station.isScanning() && names().contains("0010.jpg"));
        assertThat(focused).as("focus owners while scanning").doesNotContain("stopButton");
        assertThat(names()).containsExactly("0001.jpg", "0010.jpg", "0007.jpg");
        assertThat(f.station.openPages()).extracting(LivePage::number).containsExactly(1, 2, 3);
        assertThat(lookup("#rescanBanner").queryLabeled().isVisible()).isFalse();
        assertThat(f.station.batchTotals().reconciles()).isTrue();
        assertThat(f.station.batchTotals().scanned()).as("the counts stay true").isEqualTo(3);
        assertThat(lookup("#batchTotals").queryLabeled().getText()).startsWith("3 pages scanned =").contains("1 deleted");

        // the whole batch cleared (asked first) and brought back
        clickOn("#clearBatchButton");
        waitUntil(10, () -> !f.dialogs().isEmpty());
        clickOn("#confirmButton");
        waitUntil(10, () -> names().isEmpty());
        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(10, () -> names().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scan.totalsProperty().get().scanned()).isEqualTo(3);
    }
}
