package org.scanstation.station;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.store.AuditEvent;
import org.scanstation.store.AuditTrail;

/** Sign-in attempts recorded in the store's audit trail, hash-chained and anchored with the uploads like the rest. */
final class AuditTrailSignInLog implements SignInLog {

    private final AuditTrail trail;

    AuditTrailSignInLog(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void record(String name, Outcome outcome) {
        try {
            trail.signIn(name, outcome.json());
        } catch (IOException e) {
            throw new SignInNotRecorded("the sign-in could not be recorded in the audit trail: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Attempt> since(Instant since) {
        List<Attempt> out = new ArrayList<>();
        try {
            for (AuditEvent e : trail.signInsSince(since)) {
                try {
                    out.add(new Attempt(e.user(), Outcome.fromJson(e.decision()), Instant.parse(e.at())));
                } catch (RuntimeException unreadable) {
                    // a record this version does not know: not a sign-in it can replay
                }
            }
        } catch (IOException e) {
            // the trail cannot be read: the lockouts start afresh (the trail's damage is reported by the store)
        }
        return out;
    }
}
