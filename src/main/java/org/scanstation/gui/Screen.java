package org.scanstation.gui;

/** The station window's screens, in tab order; {@link #ANY} for what works on every screen (switching screens). */
public enum Screen {
    SCAN("Scan"),
    REVIEW("Review"),
    UPLOAD("Upload queue"),
    SETTINGS("Settings"),
    ANY("every screen");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
