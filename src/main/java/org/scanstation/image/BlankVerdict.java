package org.scanstation.image;

/**
 * Whether a page is blank, and why: {@code inkRatio} is the share of the page (0..1) covered by
 * marks that look like content once specks, show-through, punch holes and scanner edges are ignored.
 */
public record BlankVerdict(boolean blank, double inkRatio, String reason) {
}
