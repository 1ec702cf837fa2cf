package org.scanstation.upload;

/** How the station authenticates to the EDMS. */
public sealed interface EdmsCredentials {

    /** No Authorization header. */
    record None() implements EdmsCredentials {
    }

    /** HTTP Basic. {@link #toString()} never shows the password. */
    record Basic(String user, String password) implements EdmsCredentials {
        @Override
        public String toString() {
            return "Basic[user=" + user + "]";
        }
    }

    /** An OAuth2 / OIDC bearer token. {@link #toString()} never shows it. */
    record Bearer(String token) implements EdmsCredentials {
        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    static EdmsCredentials none() {
        return new None();
    }
}
