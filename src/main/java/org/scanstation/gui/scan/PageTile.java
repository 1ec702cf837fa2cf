package org.scanstation.gui.scan;

import java.awt.image.BufferedImage;
import org.scanstation.gui.PageStatusLook;

/**
 * One page in the strip: number, status (word + symbol + colour), the patient and the reasons, and what the
 * clerk did to it.
 *
 * @param id         the page's lasting name in the open batch (actions name pages by it)
 * @param patient    the patient filed to or proposed, or "no patient"
 * @param reason     why it needs review (or how it was matched), one reason a line, never empty
 * @param holdReason why its document will be held for review, or null when it files automatically
 * @param marks      what the clerk did, in words ("starts a new document", "turned 90°", "waiting for its rescan"), or empty
 */
public record PageTile(int number, int id, PageStatusLook look, String patient, String reason, int document,
                       String holdReason, String marks, BufferedImage thumbnail) {

    /** What a screen reader says for the tile. */
    public String accessibleText() {
        return "Page " + number + ", " + look.word() + ", " + patient + ". " + reason.replace('\n', ' ')
                + (marks.isEmpty() ? "" : " " + marks + ".");
    }
}
