package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.WindowFixture.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.station.LivePage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every shortcut pressed on every screen, in the real window: it acts only on the screen it belongs to
 * (a scan key on Review, Upload queue or Settings does nothing to the batch: no scan, no page removed, no
 * rescan, no batch filed), and no two shortcuts share a key.
 */
class ShortcutsWindowTest extends FxRobot {

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
    void everyShortcutActsOnlyOnItsOwnScreen() throws Exception {
        f = WindowFixture.open(dir, null);
        f.useScanner(this, WindowFixture.pages(dir, "pages", "0001", "0002"));
        f.scanWithF5(this, 2);
        interact(() -> f.window.scanViewModel().select(0));
        List<Shortcuts.Shortcut> all = f.window.shortcuts().all();
        Set<String> keys = new HashSet<>();
        assertThat(all).allSatisfy(s -> assertThat(keys.add(s.key().getName())).as("one meaning for " + s.key()).isTrue());
        assertThat(all).hasSizeGreaterThan(30);

        List<Integer> pagesBefore = pageIds();
        for (Screen screen : List.of(Screen.REVIEW, Screen.UPLOAD, Screen.SETTINGS)) {
            show(screen);
            for (Shortcuts.Shortcut s : all) {
                if (s.screens().contains(Screen.ANY)) {
                    continue;
                }
                List<String> fired = press(s.key());
                if (s.belongsTo(screen)) {
                    assertThat(fired).as(s.key().getDisplayText() + " on " + screen.title())
                            .containsExactly(screen.title() + ": " + s.what());
                } else {
                    assertThat(fired).as(s.key().getDisplayText() + " does nothing on " + screen.title()).isEmpty();
                }
                assertThat(f.window.shown()).as("still on " + screen.title()).isEqualTo(screen);
                // nothing a scan key does reached the batch
                assertThat(f.station.isScanning()).isFalse();
                assertThat(pageIds()).as("the batch after " + s.key().getDisplayText() + " on " + screen.title())
                        .isEqualTo(pagesBefore);
                assertThat(f.station.awaitingRescan()).isEmpty();
                assertThat(f.station.batchTotals().deleted()).isZero();
                assertThat(f.station.openPages()).noneMatch(p -> p.turned() != 0 || p.startsNew() || p.joinsPrevious());
                assertThat(f.station.uploadLines()).as("no batch filed").isEmpty();
                show(screen);
            }
        }

        // on its own screen each acts (the batch keys last but one, filing last)
        show(Screen.SCAN);
        Shortcuts.Shortcut file = null;
        for (Shortcuts.Shortcut s : all) {
            if (s.screens().contains(Screen.ANY)) {
                continue;
            }
            if (s.key().equals(Keys.FILE_BATCH)) {
                file = s;
                continue;
            }
            interact(() -> f.window.scanViewModel().select(0));
            List<String> fired = press(s.key());
            if (s.belongsTo(Screen.SCAN)) {
                assertThat(fired).as(s.key().getDisplayText() + " on Scan").containsExactly("Scan: " + s.what());
            } else {
                assertThat(fired).as(s.key().getDisplayText() + " does nothing on Scan").isEmpty();
            }
            waitUntil(120, () -> !f.station.isScanning() && f.station.workInProgress().isEmpty());
            show(Screen.SCAN);
        }
        interact(() -> f.window.scanViewModel().cancelRescan());
        assertThat(press(file.key())).containsExactly("Scan: file the batch");
        waitUntil(60, () -> f.station.openPages().isEmpty() && !f.station.uploadLines().isEmpty());

        // switching screens works from every screen
        for (Screen from : List.of(Screen.SCAN, Screen.REVIEW, Screen.UPLOAD, Screen.SETTINGS)) {
            for (Screen to : List.of(Screen.SCAN, Screen.REVIEW, Screen.UPLOAD, Screen.SETTINGS)) {
                show(from);
                press(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(to.ordinal() + 1)),
                        KeyCombination.SHORTCUT_DOWN));
                assertThat(f.window.shown()).isEqualTo(to);
            }
        }
    }

    private List<Integer> pageIds() {
        return f.station.openPages().stream().map(LivePage::id).toList();
    }

    /** Shows the screen with its tab and leaves the focus on no text field (plain keys are a field's own). */
    private void show(Screen screen) {
        interact(() -> {
            f.window.scene().lookup("#screens");
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) f.window.scene().lookup("#screens");
            tabs.getSelectionModel().select(screen.ordinal());
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> f.window.scene().lookup("#screens").requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses the combination as a person would; returns what the shortcuts did, any dialog it opened cancelled. */
    private List<String> press(KeyCombination key) {
        int before = f.window.shortcuts().fired().size();
        KeyCodeCombination k = (KeyCodeCombination) key;
        List<KeyCode> held = new ArrayList<>();
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN || k.getControl() == KeyCombination.ModifierValue.DOWN) {
            held.add(KeyCode.CONTROL);
        }
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) {
            held.add(KeyCode.ALT);
        }
        if (k.getShift() == KeyCombination.ModifierValue.DOWN) {
            held.add(KeyCode.SHIFT);
        }
        held.forEach(c -> press(c));
        type(k.getCode());
        for (int i = held.size() - 1; i >= 0; i--) {
            release(held.get(i));
        }
        WaitForAsyncUtils.waitForFxEvents();
        f.closeDialogs(this);
        List<String> fired = f.window.shortcuts().fired();
        return List.copyOf(fired.subList(before, fired.size()));
    }
}
