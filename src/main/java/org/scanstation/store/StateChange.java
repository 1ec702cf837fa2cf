package org.scanstation.store;

import java.time.Instant;

/** One entry of a document's history: the state it entered, when, and an optional remark. */
public record StateChange(DocumentState state, Instant at, String detail) {
}
