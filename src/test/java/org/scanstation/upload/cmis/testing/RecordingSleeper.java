package org.scanstation.upload.cmis.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import org.scanstation.upload.Sleeper;

/** A {@link Sleeper} that records the waits instead of sleeping and can act on the n-th wait. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile IntConsumer onWait = n -> { };

    /** Runs {@code action} with the 1-based number of each wait, before it is recorded as done. */
    public RecordingSleeper onWait(IntConsumer action) {
        this.onWait = action;
        return this;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        onWait.accept(waits.size());
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
