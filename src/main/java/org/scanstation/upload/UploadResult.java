package org.scanstation.upload;

import java.util.List;

/**
 * What an upload run did.
 *
 * @param created       documents created on the EDMS in this run
 * @param foundExisting documents the EDMS already had (an earlier run stored them, its answer was lost)
 * @param verified      documents whose EDMS content matched in this run
 * @param purged        local copies removed in this run
 * @param failed        documents left FAILED in the store (this run or earlier): a person must look
 * @param pending       documents still queued or unverified
 * @param problems      one line per problem, without patient data
 */
public record UploadResult(UploadOutcome outcome, int created, int foundExisting, int verified, int purged,
                           int failed, int pending, List<String> problems) {

    public UploadResult {
        problems = List.copyOf(problems);
    }

    /** A one-line summary for a console. */
    public String summary() {
        return String.format("%s: %d created, %d already on the EDMS, %d verified, %d purged, %d failed, %d pending",
                outcome.name().toLowerCase().replace('_', ' '), created, foundExisting, verified, purged, failed,
                pending);
    }
}
