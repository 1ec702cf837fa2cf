package org.scanstation.gui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import org.scanstation.station.LocalAccounts;
import org.scanstation.station.SignedInUser;

/**
 * Who is at the station: the clerk (the account running it), and a supervisor while one is signed in to
 * review or change settings. A supervisor who leaves the station untouched for the idle time is signed out.
 * Batches are always recorded under the clerk who scanned them, whoever is signed in.
 */
public final class SessionViewModel {

    private final LocalAccounts accounts;
    private final String clerk;
    private final Duration idle;
    private final Clock clock;
    private final ObjectProperty<SignedInUser> user = new SimpleObjectProperty<>();
    private final StringProperty signInError = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper();
    private final BooleanBinding supervisorSignedIn;
    private Instant lastUse;

    public SessionViewModel(LocalAccounts accounts, String clerk) {
        this(accounts, clerk, Duration.ofMinutes(10), Clock.systemUTC());
    }

    /** @param idle how long a signed-in supervisor may leave the station untouched */
    public SessionViewModel(LocalAccounts accounts, String clerk, Duration idle, Clock clock) {
        this.accounts = accounts;
        this.clerk = clerk;
        this.idle = idle;
        this.clock = clock;
        this.lastUse = clock.instant();
        who.bind(Bindings.createStringBinding(() -> user.get() == null ? "Clerk: " + clerk
                : "Clerk: " + clerk + " \u00b7 Supervisor: " + user.get().name(), user));
        supervisorSignedIn = Bindings.createBooleanBinding(() -> user.get() != null && user.get().isSupervisor(), user);
    }

    /** True when the station has at least one supervisor account (else sign-in can never succeed: say how to make one). */
    public boolean hasSupervisorAccounts() {
        return accounts.hasSupervisor();
    }

    /** Signs in; false (with a message) when the name or password is wrong. The password array is wiped. */
    public boolean signIn(String name, char[] password) {
        Optional<SignedInUser> u;
        try {
            u = accounts.signIn(name, password);
        } catch (org.scanstation.station.SignInLog.SignInNotRecorded e) {
            signInError.set("Sign-in refused: " + e.getMessage() + ". Tell IT.");
            return false;
        } finally {
            Arrays.fill(password, '\0');
        }
        if (u.isEmpty()) {
            Optional<java.time.Duration> locked = accounts.lockedFor(name);
            signInError.set(locked.isPresent()
                    ? "Too many failed sign-ins for this name: try again in "
                            + Math.max(1, (locked.get().toSeconds() + 59) / 60) + " minute(s)."
                    : "Name or password not recognised.");
            return false;
        }
        if (!u.get().isSupervisor()) {
            signInError.set(u.get().name() + " is not a supervisor: only supervisors decide on held documents"
                    + " and change where patient data comes from or goes.");
            return false;
        }
        signInError.set("");
        notice.set("");
        user.set(u.get());
        touch();
        return true;
    }

    public void signOut() {
        user.set(null);
    }

    /** The station was used (a key, a click): the idle time starts again. */
    public void touch() {
        lastUse = clock.instant();
    }

    /** Signs the supervisor out when the station was not used for the idle time; true when it did. */
    public boolean checkIdle() {
        if (user.get() != null && Duration.between(lastUse, clock.instant()).compareTo(idle) >= 0) {
            user.set(null);
            notice.set("The supervisor was signed out after " + idle.toMinutes() + " minutes without using the station.");
            return true;
        }
        return false;
    }

    public Duration idle() {
        return idle;
    }

    public ObjectProperty<SignedInUser> userProperty() {
        return user;
    }

    public BooleanBinding supervisorSignedIn() {
        return supervisorSignedIn;
    }

    public StringProperty signInErrorProperty() {
        return signInError;
    }

    /** Why the supervisor was signed out, if the station did it. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public ObservableStringValue whoProperty() {
        return who.getReadOnlyProperty();
    }

    /** The clerk recorded for scanned batches: the account running the station, never the supervisor signed in. */
    public String operator() {
        return clerk;
    }
}
