package org.scanstation.upload;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How the uploader behaves.
 *
 * @param folderRoot folder path segments under the repository root; a document goes to ROOT/NHS-NUMBER
 * @param retention  how long a verified document stays in the local store before it is purged (0: at once)
 * @param retry      back-off for network errors, time-outs and 5xx
 * @param sleeper    how to wait between attempts (tests record instead of sleeping)
 * @param clock      time for retention
 * @param random     jitter source
 */
public record UploadSettings(List<String> folderRoot, Duration retention, RetryPolicy retry, Sleeper sleeper,
                             Clock clock, RandomGenerator random) {

    public UploadSettings {
        folderRoot = List.copyOf(folderRoot);
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention cannot be negative");
        }
    }

    /** Root {@code /ScanStation}, purge right after verification, {@link RetryPolicy#defaults()}, real time. */
    public static UploadSettings defaults() {
        return new UploadSettings(List.of("ScanStation"), Duration.ZERO, RetryPolicy.defaults(), Sleeper.system(),
                Clock.systemUTC(), RandomGenerator.getDefault());
    }

    public UploadSettings withFolderRoot(List<String> root) {
        return new UploadSettings(root, retention, retry, sleeper, clock, random);
    }

    public UploadSettings withRetention(Duration keep) {
        return new UploadSettings(folderRoot, keep, retry, sleeper, clock, random);
    }

    public UploadSettings withRetry(RetryPolicy policy, Sleeper waits) {
        return new UploadSettings(folderRoot, retention, policy, waits, clock, random);
    }

    public UploadSettings withClock(Clock time) {
        return new UploadSettings(folderRoot, retention, retry, sleeper, time, random);
    }
}
