package org.scanstation.station;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scanstation.config.PasswordHash;
import org.scanstation.config.StationConfig;

/**
 * Signs people in against the local accounts of the machine configuration (PBKDF2 hashes). After
 * {@value #MAX_FAILURES} failed attempts in a row for one name (known or not, so a refusal says
 * nothing about which names exist), that name is refused for {@link #LOCKOUT} without the password
 * even being checked; a success clears the count. Every attempt is recorded in the {@link SignInLog}
 * (the audit trail), and the failures of the last {@link #LOCKOUT} are replayed from it when the log is
 * attached, so a lockout survives a restart of the station.
 */
public final class LocalAccounts {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final List<StationConfig.User> users;
    private final Clock clock;
    private final Map<String, Failures> failures = new HashMap<>();
    private SignInLog log = SignInLog.NONE;

    private record Failures(int count, Instant lockedUntil) {
    }

    public LocalAccounts(List<StationConfig.User> users) {
        this(users, Clock.systemUTC());
    }

    public LocalAccounts(List<StationConfig.User> users, Clock clock) {
        this.users = users == null ? List.of() : List.copyOf(users);
        this.clock = clock;
    }

    /**
     * Records every attempt from now on in {@code log}, and takes back the failures it recorded within the
     * last {@link #LOCKOUT} (a name locked out before a restart stays locked out).
     */
    public synchronized void recordTo(SignInLog log) {
        this.log = log;
        for (SignInLog.Attempt a : log.since(clock.instant().minus(LOCKOUT))) {
            String key = key(a.name());
            switch (a.outcome()) {
                case SIGNED_IN -> failures.remove(key);
                case REFUSED, LOCKED_OUT -> {
                    int count = failures.getOrDefault(key, new Failures(0, null)).count() + 1;
                    failures.put(key, new Failures(count, count >= MAX_FAILURES ? a.at().plus(LOCKOUT) : null));
                }
                case REFUSED_WHILE_LOCKED -> {
                    // changes nothing: the lockout runs from the failure that started it
                }
            }
        }
    }

    /**
     * The user when the name and password match an account; empty otherwise (no hint which was wrong),
     * and empty while the name is locked out ({@link #lockedFor(String)} says how long).
     */
    public synchronized Optional<SignedInUser> signIn(String name, char[] password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        String key = key(name);
        if (lockedFor(name).isPresent()) {
            log.record(name, SignInLog.Outcome.REFUSED_WHILE_LOCKED);
            return Optional.empty();
        }
        for (StationConfig.User u : users) {
            if (u.name() != null && key(u.name()).equals(key) && u.passwordHash() != null
                    && PasswordHash.verify(password, u.passwordHash())) {
                log.record(u.name(), SignInLog.Outcome.SIGNED_IN);
                failures.remove(key);
                return Optional.of(new SignedInUser(u.name(), u.role() == null ? "clerk" : u.role()));
            }
        }
        int count = failures.getOrDefault(key, new Failures(0, null)).count() + 1;
        failures.put(key, new Failures(count, count >= MAX_FAILURES ? clock.instant().plus(LOCKOUT) : null));
        log.record(name, count >= MAX_FAILURES ? SignInLog.Outcome.LOCKED_OUT : SignInLog.Outcome.REFUSED);
        return Optional.empty();
    }

    /** True when at least one account is a supervisor with a password hash (else nobody can ever sign in to review). */
    public boolean hasSupervisor() {
        return users.stream().anyMatch(u -> u.name() != null && u.passwordHash() != null
                && "supervisor".equalsIgnoreCase(u.role()));
    }

    /** How much longer sign-in is refused for this name after too many failures; empty when it is not. */
    public synchronized Optional<Duration> lockedFor(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Failures f = failures.get(key(name));
        if (f == null || f.lockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        if (left.isNegative() || left.isZero()) {
            failures.remove(key(name));
            return Optional.empty();
        }
        return Optional.of(left);
    }


    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
