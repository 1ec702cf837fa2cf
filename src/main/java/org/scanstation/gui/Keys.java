package org.scanstation.gui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every key the window answers to, in one place: the screens show them on their buttons, the window
 * registers them in {@link Shortcuts} (which refuses a key given twice).
 */
public final class Keys {

    // every screen
    public static final KeyCombination SCAN_SCREEN = ctrl(KeyCode.DIGIT1);
    public static final KeyCombination REVIEW_SCREEN = ctrl(KeyCode.DIGIT2);
    public static final KeyCombination UPLOAD_SCREEN = ctrl(KeyCode.DIGIT3);
    public static final KeyCombination SETTINGS_SCREEN = ctrl(KeyCode.DIGIT4);

    // scan
    public static final KeyCombination SCAN = plain(KeyCode.F5);
    public static final KeyCombination STOP = plain(KeyCode.ESCAPE);
    public static final KeyCombination FILE_BATCH = ctrl(KeyCode.ENTER);
    public static final KeyCombination DELETE_PAGES = plain(KeyCode.DELETE);
    public static final KeyCombination UNDO_DELETE = ctrl(KeyCode.Z);
    public static final KeyCombination RESCAN_PAGE = ctrl(KeyCode.R);
    public static final KeyCombination STARTS_NEW = ctrl(KeyCode.N);
    public static final KeyCombination JOINS_PREVIOUS = ctrl(KeyCode.J);
    public static final KeyCombination TURN = ctrl(KeyCode.T);
    public static final KeyCombination MOVE_EARLIER = alt(KeyCode.LEFT);
    public static final KeyCombination MOVE_LATER = alt(KeyCode.RIGHT);

    // the page viewer (scan and review)
    public static final KeyCombination PREVIOUS_PAGE = plain(KeyCode.PAGE_UP);
    public static final KeyCombination NEXT_PAGE = plain(KeyCode.PAGE_DOWN);
    public static final KeyCombination FIT_PAGE = plain(KeyCode.F);
    public static final KeyCombination FIT_WIDTH = plain(KeyCode.W);
    public static final KeyCombination ACTUAL_SIZE = plain(KeyCode.DIGIT1);
    public static final KeyCombination ZOOM_IN = plain(KeyCode.EQUALS);
    public static final KeyCombination ZOOM_OUT = plain(KeyCode.MINUS);

    // review
    public static final KeyCombination ACCEPT = alt(KeyCode.A);
    public static final KeyCombination FILE_TO_CHOSEN = alt(KeyCode.C);
    public static final KeyCombination UNIDENTIFIABLE = alt(KeyCode.U);
    public static final KeyCombination SEND_BACK = alt(KeyCode.B);
    public static final KeyCombination UNDO_DECISION = alt(KeyCode.Z);
    public static final KeyCombination FIND_PATIENT = ctrl(KeyCode.F);
    public static final KeyCombination SIGN_IN = alt(KeyCode.N);

    // upload queue
    public static final KeyCombination RETRY_NOW = alt(KeyCode.R);

    // settings
    public static final KeyCombination SAVE_SETTINGS = ctrl(KeyCode.S);
    public static final KeyCombination TEST_CONNECTION = alt(KeyCode.T);

    private Keys() {
    }

    private static KeyCombination plain(KeyCode c) {
        return new KeyCodeCombination(c);
    }

    private static KeyCombination ctrl(KeyCode c) {
        return new KeyCodeCombination(c, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination alt(KeyCode c) {
        return new KeyCodeCombination(c, KeyCombination.ALT_DOWN);
    }
}
