package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.config.PasswordHash;
import org.scanstation.config.StationConfig;

/** Five failed sign-ins lock a name out for a while, whether or not the name exists. */
class SignInLockoutTest {

    static final String HASH = PasswordHash.create("right".toCharArray());

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresLockTheNameEvenForTheRightPassword() {
        MovableClock clock = new MovableClock();
        LocalAccounts accounts = new LocalAccounts(List.of(new StationConfig.User("sup", "supervisor", HASH)), clock);
        for (int i = 0; i < LocalAccounts.MAX_FAILURES; i++) {
            assertThat(accounts.lockedFor("sup")).isEmpty();
            assertThat(accounts.signIn("sup", "guess".toCharArray())).isEmpty();
        }
        assertThat(accounts.lockedFor(" SUP ")).hasValue(Duration.ofMinutes(15));
        assertThat(accounts.signIn("Sup", "right".toCharArray())).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(accounts.signIn("sup", "right".toCharArray())).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(accounts.lockedFor("sup")).isEmpty();
        assertThat(accounts.signIn("sup", "right".toCharArray())).get().extracting(SignedInUser::name).isEqualTo("sup");
    }

    @Test
    void aSuccessClearsTheCountAndUnknownNamesLockAlike() {
        MovableClock clock = new MovableClock();
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
