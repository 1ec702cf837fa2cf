package org.scanstation.image;

/**
 * Whether a page is blank, and why: {@code inkRatio} is the share of the page (0..1) covered by
 * marks that look like content once specks, show-through, punch holes and scanner edges are ignored.
 * {@code uncertain} means the detector could not tell (a few small marks in rows, as faint writing
 * leaves them): such a page is never blank ({@code blank} is false) and a person should look at it.
 */
public record BlankVerdict(boolean blank, double inkRatio, String reason, boolean uncertain) {

    public BlankVerdict {
        if (blank && uncertain) {
            throw new IllegalArgumentException("a page the detector is unsure of is never blank");
        }
    }

    /** A sure verdict: blank, or content. */
    public BlankVerdict(boolean blank, double inkRatio, String reason) {
        this(blank, inkRatio, reason, false);
    }
}
