package org.scanstation.scan;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Asks a scan to stop. Thread-safe; cancelling twice is harmless. Drivers either poll
 * {@link #isCancelled()} between pages or register an action with {@link #onCancel(Runnable)}
 * (e.g. to delete an eSCL job).
 */
public final class CancelToken {

    private volatile boolean cancelled;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException ignored) {
                // one failing clean-up action must not stop the others
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} when the token is cancelled (at once, on this thread, if it already is). */
    public void onCancel(Runnable action) {
        actions.add(action);
        if (cancelled && actions.remove(action)) {
            action.run();
        }
    }
}
