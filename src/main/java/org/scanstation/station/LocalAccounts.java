package org.scanstation.station;

import java.util.List;
import java.util.Optional;
import org.scanstation.config.PasswordHash;
import org.scanstation.config.StationConfig;

/** Signs people in against the local accounts of the machine configuration (PBKDF2 hashes). */
public final class LocalAccounts {

    private final List<StationConfig.User> users;

    public LocalAccounts(List<StationConfig.User> users) {
        this.users = users == null ? List.of() : List.copyOf(users);
    }

    /** The user when the name and password match an account; empty otherwise (no hint which was wrong). */
    public Optional<SignedInUser> signIn(String name, char[] password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        for (StationConfig.User u : users) {
            if (u.name() != null && u.name().equalsIgnoreCase(name.trim()) && u.passwordHash() != null
                    && PasswordHash.verify(password, u.passwordHash())) {
                return Optional.of(new SignedInUser(u.name(), u.role() == null ? "clerk" : u.role()));
            }
        }
        return Optional.empty();
    }
}
