package org.scanstation.doctor;

/** How a check came out, from fine to blocking. */
public enum CheckStatus {
    /** Works. */
    OK,
    /** Worth knowing, nothing wrong (e.g. the EDMS is not configured yet). */
    INFO,
    /** Works, but something is likely to go wrong or is not as IT intended. */
    WARN,
    /** The station cannot do its job until this is fixed. */
    FAIL
}
