package org.scanstation.scan.driver.twain;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.scanstation.scan.driver.DriverSink;

/** A driver sink that keeps what it gets, and can act when page N arrives (cancel, block ...). */
final class CollectingSink implements DriverSink {

    record Page(BufferedImage image, int dpi, String thread) {
    }

    final List<Page> pages = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final AtomicInteger alive = new AtomicInteger();
    private final IntConsumer onPage;

    CollectingSink() {
        this(n -> { });
    }

    /** @param onPage called with the page's number (1-based) after it was kept */
    CollectingSink(IntConsumer onPage) {
        this.onPage = onPage;
    }

    @Override
    public void page(BufferedImage image, int dpi, String source) {
        pages.add(new Page(image, dpi, Thread.currentThread().getName()));
        onPage.accept(pages.size());
    }

    @Override
    public void rejected(String source, String reason) {
        throw new AssertionError("a TWAIN scan rejected an input: " + source + " " + reason);
    }

    @Override
    public void notice(String text) {
        notices.add(text);
    }

    @Override
    public void alive() {
        alive.incrementAndGet();
    }
}
