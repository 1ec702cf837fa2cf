package org.scanstation.gui;

import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import org.scanstation.station.LocalAccounts;
import org.scanstation.station.SignedInUser;

/** Who is signed in at the station (the clerk by default; a supervisor signs in to review). */
public final class SessionViewModel {

    private final LocalAccounts accounts;
    private final String clerk;
    private final ObjectProperty<SignedInUser> user = new SimpleObjectProperty<>();
    private final StringProperty signInError = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper();

    public SessionViewModel(LocalAccounts accounts, String clerk) {
        this.accounts = accounts;
        this.clerk = clerk;
        who.bind(Bindings.createStringBinding(() -> user.get() == null ? "Clerk: " + clerk
                : "Signed in: " + user.get().name() + " (" + user.get().role() + ")", user));
    }

    /** Signs in; false (with a message) when the name or password is wrong. The password array is wiped. */
    public boolean signIn(String name, char[] password) {
        Optional<SignedInUser> u = accounts.signIn(name, password);
        Arrays.fill(password, '\0');
        if (u.isEmpty()) {
            Optional<java.time.Duration> locked = accounts.lockedFor(name);
            signInError.set(locked.isPresent()
                    ? "Too many failed sign-ins for this name: try again in "
                            + Math.max(1, (locked.get().toSeconds() + 59) / 60) + " minute(s)."
                    : "Name or password not recognised.");
            return false;
        }
        if (!u.get().isSupervisor()) {
            signInError.set(u.get().name() + " is not a supervisor: only supervisors decide on held documents.");
            return false;
        }
        signInError.set("");
        user.set(u.get());
        return true;
    }

    public void signOut() {
        user.set(null);
    }

    public ObjectProperty<SignedInUser> userProperty() {
        return user;
    }

    public BooleanBinding supervisorSignedIn() {
        return Bindings.createBooleanBinding(() -> user.get() != null && user.get().isSupervisor(), user);
    }

    public StringProperty signInErrorProperty() {
        return signInError;
    }

    public ObservableStringValue whoProperty() {
        return who.getReadOnlyProperty();
    }

    /** The operator recorded for scanned batches. */
    public String operator() {
        return user.get() == null ? clerk : user.get().name();
    }
}
