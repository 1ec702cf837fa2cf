package org.scanstation.samples;

/** A label to stick on a page: its layout, what it says and where it goes. */
record LabelSpec(LabelLayout layout, LabelContent content, LabelPosition position) {
}
