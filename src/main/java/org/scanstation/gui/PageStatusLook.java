package org.scanstation.gui;

import org.scanstation.model.PageStatus;

/**
 * How a page status is shown: a word, a symbol and a style class (colour). The word and symbol carry
 * the meaning on their own; the colour only helps.
 */
public enum PageStatusLook {
    MATCHED("\u2713", "Matched", "status-matched"),
    REVIEW("?", "Needs review", "status-review"),
    BLANK("\u25cb", "Blank", "status-blank"),
    SEPARATOR("\u2702", "Separator", "status-separator");

    private final String symbol;
    private final String word;
    private final String styleClass;

    PageStatusLook(String symbol, String word, String styleClass) {
        this.symbol = symbol;
        this.word = word;
        this.styleClass = styleClass;
    }

    public static PageStatusLook of(PageStatus status) {
        return valueOf(status.name());
    }

    public String symbol() {
        return symbol;
    }

    public String word() {
        return word;
    }

    /** Symbol and word, e.g. "? Needs review". */
    public String label() {
        return symbol + " " + word;
    }

    public String styleClass() {
        return styleClass;
    }
}
