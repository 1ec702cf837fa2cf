package org.scanstation.scan.driver.twain;

/** A {@code TW_FRAME}: a rectangle in the current units (inches here), left/top/right/bottom. */
record Frame(double left, double top, double right, double bottom) {
}
