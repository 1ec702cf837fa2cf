package org.scanstation.gui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts. Each belongs to the screens it acts on (one screen; the page viewer's
 * keys to the two screens that show the viewer; switching screens to every screen), and acts only while one
 * of them is shown. No two shortcuts share a key: registering a key twice is a programming error, caught
 * when the window is made. Buttons show their shortcut in their text; mnemonics are not used (JavaFX fires
 * them on screens that are not shown too).
 */
public final class Shortcuts {

    /** One shortcut: its key, the screens it belongs to, what it does in words, the action (given the screen shown). */
    public record Shortcut(KeyCombination key, Set<Screen> screens, String what, Consumer<Screen> action) {

        public boolean belongsTo(Screen shown) {
            return screens.contains(shown) || screens.contains(Screen.ANY);
        }
    }

    private final Map<String, Shortcut> byKey = new LinkedHashMap<>();
    private final List<String> fired = new ArrayList<>();

    /** A shortcut of one screen. */
    public void add(Screen screen, KeyCombination key, String what, Runnable action) {
        add(EnumSet.of(screen), key, what, s -> action.run());
    }

    /**
     * A shortcut of several screens (the action is told which one is shown).
     *
     * @throws IllegalStateException when the key already belongs to another shortcut
     */
    public void add(Set<Screen> screens, KeyCombination key, String what, Consumer<Screen> action) {
        Shortcut had = byKey.get(key.getName());
        if (had != null) {
            throw new IllegalStateException(key.getDisplayText() + " is already '" + had.what()
                    + "': it cannot also be '" + what + "'");
        }
        byKey.put(key.getName(), new Shortcut(key, Set.copyOf(screens), what, action));
    }

    public List<Shortcut> all() {
        return List.copyOf(byKey.values());
    }

    /** What the shortcuts did, oldest first, as "Screen: what" (for tests, and a person reading the log). */
    public List<String> fired() {
        return List.copyOf(fired);
    }

    /**
     * Runs the shortcut of {@code event}'s key when it belongs to the screen shown, and consumes the event.
     * A plain key (no Ctrl, Alt or function key) typed into a text field is the field's.
     */
    public boolean dispatch(KeyEvent event, Screen shown, Node focused) {
        for (Shortcut s : byKey.values()) {
            if (!s.key().match(event)) {
                continue;
            }
            if (!s.belongsTo(shown)) {
                return false;
            }
            if (focused instanceof TextInputControl && typesIntoAField(event)) {
                return false;
            }
            fired.add(shown.title() + ": " + s.what());
            event.consume();
            s.action().accept(shown);
            return true;
        }
        return false;
    }

    private static boolean typesIntoAField(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.getCode().isFunctionKey()) {
            return false;
        }
        KeyCode c = e.getCode();
        return c != KeyCode.ESCAPE && c != KeyCode.PAGE_UP && c != KeyCode.PAGE_DOWN;
    }

    /** Text for a button: its label and its key, e.g. "Scan (F5)". */
    public static String withKey(String label, KeyCombination key) {
        return label + " (" + key.getDisplayText() + ")";
    }
}
