package org.scanstation.gui.scan;

import java.awt.image.BufferedImage;
import org.scanstation.gui.PageStatusLook;

/**
 * One page in the strip: number, status (word + symbol + colour), the patient and the reason.
 *
 * @param patient the patient filed to or proposed, or "no patient"
 * @param reason  why it needs review (or how it was matched), never empty
 */
public record PageTile(int number, PageStatusLook look, String patient, String reason, int document,
                       BufferedImage thumbnail) {

    /** What a screen reader says for the tile. */
    public String accessibleText() {
        return "Page " + number + ", " + look.word() + ", " + patient + ". " + reason;
    }
}
