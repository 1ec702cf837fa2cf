package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.config.PasswordHash;
import org.scanstation.config.StationConfig;
import org.scanstation.testing.MovableClock;

/** Five failed sign-ins lock a name out for a while, whether or not the name exists. */
class SignInLockoutTest {

    static final String HASH = PasswordHash.create("right".toCharArray());


    @Test
    void fiveFailuresLockTheNameEvenForTheRightPassword() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
        LocalAccounts accounts = new LocalAccounts(List.of(new StationConfig.User("sup", "supervisor", HASH)), clock);
        for (int i = 0; i < LocalAccounts.MAX_FAILURES; i++) {
            assertThat(accounts.lockedFor("sup")).isEmpty();
            assertThat(accounts.signIn("sup", "guess".toCharArray())).isEmpty();
        }
        assertThat(accounts.lockedFor(" SUP ")).hasValue(Duration.ofMinutes(15));
        assertThat(accounts.signIn("Sup", "right".toCharArray())).isEmpty();
        clock.advance(Duration.ofMinutes(14));
        assertThat(accounts.signIn("sup", "right".toCharArray())).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(accounts.lockedFor("sup")).isEmpty();
        assertThat(accounts.signIn("sup", "right".toCharArray())).get().extracting(SignedInUser::name).isEqualTo("sup");
    }

    @Test
    void aSuccessClearsTheCountAndUnknownNamesLockAlike() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
        LocalAccounts accounts = new LocalAccounts(List.of(new StationConfig.User("sup", "supervisor", HASH)), clock);
        for (int i = 0; i < LocalAccounts.MAX_FAILURES - 1; i++) {
            accounts.signIn("sup", "guess".toCharArray());
        }
        assertThat(accounts.signIn("sup", "right".toCharArray())).isPresent();
        accounts.signIn("sup", "guess".toCharArray());
        assertThat(accounts.lockedFor("sup")).isEmpty();
        for (int i = 0; i < LocalAccounts.MAX_FAILURES; i++) {
            accounts.signIn("nobody", "x".toCharArray());
        }
        assertThat(accounts.lockedFor("nobody")).isPresent();
        assertThat(accounts.lockedFor("sup")).isEmpty();
    }
}
