package org.scanstation.station;

import java.time.Instant;
import java.util.List;

/**
 * Where the station records each sign-in attempt (the store's hash-chained audit trail), and what it
 * recorded lately: a lockout is rebuilt from it when the station starts again, so closing the window does
 * not give five more guesses.
 */
public interface SignInLog {

    /** What came of one attempt. */
    enum Outcome {
        /** Name and password matched an account. */
        SIGNED_IN("signed-in"),
        /** Name or password wrong. */
        REFUSED("refused"),
        /** Name or password wrong, and this failure locked the name out. */
        LOCKED_OUT("locked-out"),
        /** Tried while the name was locked out: the password was not checked. */
        REFUSED_WHILE_LOCKED("refused-while-locked");

        private final String json;

        Outcome(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Outcome fromJson(String s) {
            for (Outcome o : values()) {
                if (o.json.equals(s)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown sign-in outcome: " + s);
        }
    }

    /** One recorded attempt. */
    record Attempt(String name, Outcome outcome, Instant at) {
    }

    /** Records an attempt; throws {@link SignInNotRecorded} when it cannot (the sign-in is then refused). */
    void record(String name, Outcome outcome);

    /** The attempts recorded since {@code since}, oldest first. */
    List<Attempt> since(Instant since);

    /** A log that records nothing (a station without a store: the command line). */
    SignInLog NONE = new SignInLog() {
        @Override
        public void record(String name, Outcome outcome) {
        }

        @Override
        public List<Attempt> since(Instant since) {
            return List.of();
        }
    };

    /** The attempt could not be recorded: an unaudited sign-in is not allowed. */
    final class SignInNotRecorded extends RuntimeException {
        public SignInNotRecorded(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
