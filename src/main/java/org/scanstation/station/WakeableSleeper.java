package org.scanstation.station;

import java.time.Duration;
import org.scanstation.upload.Sleeper;

/**
 * The uploader's wait between retries, cut short when the clerk asks to retry now or the EDMS is seen
 * answering again: documents do not wait a minute of back-off after the EDMS came back.
 */
final class WakeableSleeper implements Sleeper {

    private long wakes;

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        long seen = wakes;
        long end = System.nanoTime() + duration.toNanos();
        long left = duration.toMillis();
        while (left > 0 && wakes == seen) {
            wait(left);
            left = (end - System.nanoTime()) / 1_000_000;
        }
    }

    synchronized void wake() {
        wakes++;
        notifyAll();
    }
}
