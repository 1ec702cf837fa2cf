package org.scanstation.samples;

/**
 * A label to stick on a page: its layout, what it says, where it goes, and how crookedly it was stuck.
 *
 * @param tilt degrees the label is turned on the page (positive clockwise); hand-stuck labels are rarely straight
 * @param tone grey level of the label stock (255 white; lower for tinted labels)
 */
record LabelSpec(LabelLayout layout, LabelContent content, LabelPosition position, double tilt, int tone) {

    /** A straight label on white stock. */
    LabelSpec(LabelLayout layout, LabelContent content, LabelPosition position) {
        this(layout, content, position, 0, 255);
    }
}
