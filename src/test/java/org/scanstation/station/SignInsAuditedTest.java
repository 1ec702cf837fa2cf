package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.StationConfig;
import org.scanstation.store.AuditEvent;
import org.scanstation.store.BatchStore;
import org.scanstation.store.testing.StoreFixture;
import org.scanstation.testing.MovableClock;

/**
 * Every sign-in attempt goes to the store's hash-chained audit trail, and a lockout is rebuilt from it: closing
 * and starting the station again does not give five more guesses at a supervisor's password.
 */
class SignInsAuditedTest {

    @TempDir
    Path tmp;

    private final MovableClock clock = new MovableClock(java.time.Instant.parse("2026-12-01T09:00:00Z"));
    private final List<StationConfig.User> users =
            List.of(new StationConfig.User("sup", "supervisor", SignInLockoutTest.HASH));

    private BatchStore open() throws Exception {
        return BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp), clock, "clerk");
    }

    private LocalAccounts accountsOn(BatchStore store) {
        LocalAccounts accounts = new LocalAccounts(users, clock);
        accounts.recordTo(new AuditTrailSignInLog(store.audit()));
        return accounts;
    }

    @Test
    void aLockoutSurvivesARestartAndEveryAttemptIsInTheTrail() throws Exception {
        try (BatchStore store = open()) {
            LocalAccounts accounts = accountsOn(store);
            assertThat(accounts.signIn("sup", "right".toCharArray())).isPresent();
            for (int i = 0; i < LocalAccounts.MAX_FAILURES; i++) {
                assertThat(accounts.signIn("sup", ("guess" + i).toCharArray())).isEmpty();
            }
            assertThat(accounts.lockedFor("sup")).isPresent();
        }
        clock.advance(Duration.ofMinutes(5));
        try (BatchStore store = open()) {
            LocalAccounts afterRestart = accountsOn(store);
            assertThat(afterRestart.lockedFor("sup")).as("locked out after the restart")
                    .hasValue(Duration.ofMinutes(10));
            assertThat(afterRestart.signIn("sup", "right".toCharArray())).as("even with the right password").isEmpty();

            List<AuditEvent> signIns = store.audit().events().stream().filter(e -> e.type().equals("sign-in")).toList();
            assertThat(signIns).extracting(AuditEvent::decision).containsExactly("signed-in", "refused", "refused",
                    "refused", "refused", "locked-out", "refused-while-locked");
            assertThat(signIns).extracting(AuditEvent::user).containsOnly("sup");
        }
        clock.advance(Duration.ofMinutes(11));
        try (BatchStore store = open()) {
            LocalAccounts later = accountsOn(store);
            assertThat(later.lockedFor("sup")).as("the lockout ends when it would have without the restart").isEmpty();
            assertThat(later.signIn("sup", "right".toCharArray())).isPresent();
        }
    }

    @Test
    void aSignInSinceTheFailuresClearsThemAfterARestart() throws Exception {
        try (BatchStore store = open()) {
            LocalAccounts accounts = accountsOn(store);
            for (int i = 0; i < LocalAccounts.MAX_FAILURES - 1; i++) {
                accounts.signIn("sup", "wrong".toCharArray());
            }
            assertThat(accounts.signIn("sup", "right".toCharArray())).isPresent();
        }
        try (BatchStore store = open()) {
            LocalAccounts afterRestart = accountsOn(store);
            afterRestart.signIn("sup", "wrong".toCharArray());
            assertThat(afterRestart.lockedFor("sup")).as("one failure after a success is not five in a row").isEmpty();
        }
    }
}
