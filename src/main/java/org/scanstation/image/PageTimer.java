package org.scanstation.image;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each step of reading a file (opening it, decoding one page) on a reader thread with a time
 * limit. The step sees a {@link PageDeadline} and stops itself when it passes; one that does not stop
 * within a grace period is abandoned on its thread (the caller then closes the file under it and opens
 * it again), so the caller never waits much longer than the limit, whatever a file does to a reader.
 */
final class PageTimer implements AutoCloseable {

    /** A step of reading, given the deadline it must respect. */
    @FunctionalInterface
    interface Step<T> {
        T run(PageDeadline deadline) throws Exception;
    }

    /** How a step ended. */
    sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {
        }

        record Failed<T>(Throwable error) implements Outcome<T> {
        }

        /** @param stopped false when the step did not stop and its thread was abandoned */
        record TimedOut<T>(boolean stopped) implements Outcome<T> {
        }
    }

    private static final Duration MAX_GRACE = Duration.ofSeconds(5);

    private final Duration limit;
    private ExecutorService thread;

    PageTimer(Duration limit) {
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    <T> Outcome<T> run(Step<T> step) throws InterruptedException {
        PageDeadline deadline = PageDeadline.after(limit);
        Future<T> future = thread().submit(() -> step.run(deadline));
        try {
            T value = future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            // a reader that swallowed the deadline returns a partial result: never trust it
            return deadline.passed() ? new Outcome.TimedOut<>(true) : new Outcome.Done<>(value);
        } catch (ExecutionException e) {
            return deadline.passed() ? new Outcome.TimedOut<>(true) : new Outcome.Failed<>(e.getCause());
        } catch (TimeoutException e) {
            deadline.callOff();
            return waitForStop(future);
        } catch (InterruptedException e) {
            deadline.callOff();
            future.cancel(true);
            throw e;
        }
    }

    private <T> Outcome<T> waitForStop(Future<T> future) throws InterruptedException {
        Duration grace = limit.compareTo(MAX_GRACE) < 0 ? limit : MAX_GRACE;
        try {
            future.get(grace.toNanos(), TimeUnit.NANOSECONDS);
            return new Outcome.TimedOut<>(true);
        } catch (ExecutionException e) {
            return new Outcome.TimedOut<>(true);
        } catch (TimeoutException e) {
            future.cancel(true);
            thread.shutdownNow();
            thread = null; // the next step gets a fresh thread; this one is left to its fate
            return new Outcome.TimedOut<>(false);
        }
    }

    private ExecutorService thread() {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "page-reader");
                t.setDaemon(true);
                return t;
            });
        }
        return thread;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
