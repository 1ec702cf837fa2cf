package org.scanstation.scan.driver.twain;

import java.awt.image.BufferedImage;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Pages and notes from the session's thread to the driver's thread, one at a time: the session waits
 * until the station has been handed the last item, so the source is not asked for the next sheet before
 * the station has seen the last one (a cancel said on seeing sheet 3 stops the feed after sheet 3). If the
 * driver's thread has gone (the scan was abandoned), the session stops waiting.
 */
final class PageHandoff {

    sealed interface Item {
    }

    record Page(BufferedImage image, int dpi) implements Item {
    }

    record Note(String text) implements Item {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(1);
    private final Semaphore handedOn = new Semaphore(0);
    private volatile boolean abandoned;

    /** Called on the session's thread; returns once the driver's thread has handed the item on. */
    void put(Item item) throws InterruptedException {
        while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
            if (abandoned) {
                throw new InterruptedException("nobody takes the scanned pages any more");
            }
        }
        while (!handedOn.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            if (abandoned) {
                throw new InterruptedException("nobody takes the scanned pages any more");
            }
        }
    }

    /** Called on the driver's thread once the item it took has been handed to the station. */
    void handedOn() {
        handedOn.release();
    }

    /** Called on the driver's thread; null after {@code millis} without an item. */
    Item poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The driver's thread is leaving: the session must not wait for it. */
    void abandon() {
        abandoned = true;
    }
}
