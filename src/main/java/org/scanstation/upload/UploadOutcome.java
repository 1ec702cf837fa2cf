package org.scanstation.upload;

/** How an upload run ended; the CLI maps it to an exit status. */
public enum UploadOutcome {
    /** Every queued document is verified on the EDMS (and purged as the retention says). */
    ALL_VERIFIED(true),
    /** There was nothing queued. */
    NOTHING_TO_DO(true),
    /** The EDMS stayed unreachable (network, time-outs, 5xx) after the retries; run again later. */
    EDMS_UNAVAILABLE(false),
    /**
     * The EDMS refused something (4xx), or a document failed verification or is corrupted locally, or
     * documents that failed in an earlier run are still FAILED: a person must look (requeue or hold).
     */
    NEEDS_ATTENTION(false),
    /** The run was interrupted (shutdown); the queue resumes next time. */
    INTERRUPTED(false);

    private final boolean success;

    UploadOutcome(boolean success) {
        this.success = success;
    }

    /** True when the run left nothing to do: exit status 0. */
    public boolean isSuccess() {
        return success;
    }
}
