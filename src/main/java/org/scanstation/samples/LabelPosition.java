package org.scanstation.samples;

/** Where a label is stuck on a page. */
enum LabelPosition { TOP_LEFT, TOP_RIGHT, LOWER_RIGHT }
