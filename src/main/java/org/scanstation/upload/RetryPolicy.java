package org.scanstation.upload;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with "equal jitter": the n-th wait (n from 1) is half of
 * {@code min(max, initial * multiplier^(n-1))} plus a random share of the other half, so many stations
 * coming back after an outage do not hammer the EDMS in step. After {@code maxAttempts} failed
 * attempts of one operation the run stops (the queue keeps the work for later).
 */
public record RetryPolicy(Duration initial, double multiplier, Duration max, int maxAttempts) {

    public RetryPolicy {
        if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs 0 <= initial <= max, multiplier >= 1, attempts >= 1");
        }
    }

    /** 1 s, doubling, at most 60 s between attempts, 8 attempts (about 3 minutes) per operation. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 8);
    }

    /** The wait before attempt {@code failedAttempts + 1}. */
    public Duration delay(int failedAttempts, RandomGenerator random) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        long cap = (long) Math.min(max.toMillis(), base);
        long half = cap / 2;
        long jitter = half == 0 ? 0 : random.nextLong(cap - half + 1);
        return Duration.ofMillis(half + jitter);
    }
}
