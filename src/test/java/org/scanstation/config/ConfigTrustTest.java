package org.scanstation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts, locks and the plain-http permission come only from IT's machine-wide file, and only when the
 * user running the station could not have written it. Whatever a user supplies (their own settings,
 * {@code --config}, {@code -Dscanstation.config}) may change only what IT has not locked.
 */
class ConfigTrustTest {

    static final String HASH = PasswordHash.create("it-secret".toCharArray());
    static final PosixIdentity CLERK = new PosixIdentity(1000, Set.of(1000));

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(ConfigLoader.COMMAND_LINE_FILE);
        System.clearProperty(MachineFile.TEST_OVERRIDE);
    }

    Path machine() throws Exception {
        Path it = Files.createDirectories(dir.resolve("it"));
        return Files.writeString(it.resolve("station.json"), """
                { "stationId": "WARD7-PC3",
                  "edms": { "cmisUrl": "https://edms.example/cmis/browser", "user": "svc-scan" },
                  "scanner": { "defaultDevice": "sane://127.0.0.1/fujitsu" },
                  "users": [ { "name": "sup", "role": "supervisor", "passwordHash": "%s" } ],
                  "locked": ["edms", "stationId"] }
                """.formatted(HASH));
    }

    @Test
    void aUserSuppliedFileCannotAddAnAccountOrUnlockOrAllowPlainHttp() throws Exception {
        System.setProperty(MachineFile.TEST_OVERRIDE, machine().toString());
        for (String attempt : List.of(
                "{ \"users\": [ { \"name\": \"me\", \"role\": \"supervisor\", \"passwordHash\": \"" + HASH + "\" } ] }",
                "{ \"users\": [] }",
                "{ \"locked\": [] }",
                "{ \"edms\": { \"allowPlainHttp\": true } }")) {
            Path mine = Files.writeString(dir.resolve("mine.json"), attempt);
            System.setProperty(ConfigLoader.COMMAND_LINE_FILE, mine.toString());
            assertThatThrownBy(() -> new ConfigLoader().load()).as(attempt)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(mine + ": '").hasMessageContaining("can only be set in IT's machine-wide file");
        }
    }

    @Test
    void aUserSuppliedFileChangesOnlyWhatIsNotLocked() throws Exception {
        System.setProperty(MachineFile.TEST_OVERRIDE, machine().toString());
        Path mine = Files.writeString(dir.resolve("mine.json"), """
                { "stationId": "mine", "edms": { "cmisUrl": "http://127.0.0.1:9/cmis/browser", "user": "me" },
                  "scanner": { "defaultDevice": "demo" } }
                """);
        System.setProperty(ConfigLoader.COMMAND_LINE_FILE, mine.toString());
        EffectiveConfig c = new ConfigLoader().load();
        assertThat(c.config().stationId()).isEqualTo("WARD7-PC3");
        assertThat(c.config().edms().cmisUrl()).isEqualTo("https://edms.example/cmis/browser");
        assertThat(c.config().edms().user()).isEqualTo("svc-scan");
        assertThat(c.config().scanner().defaultDevice()).isEqualTo("demo");
        assertThat(c.locked()).containsExactlyInAnyOrder("edms", "stationId");
        assertThat(c.config().users()).extracting(StationConfig.User::name).containsExactly("sup");
        assertThat(c.userIgnored()).contains("stationId", "edms");
    }

    @Test
    void theOldWayOfNamingAMachineFileNowOnlySuppliesSettings() throws Exception {
        // -Dscanstation.config (also through JAVA_TOOL_OPTIONS) used to replace IT's file
        System.setProperty(ConfigLoader.COMMAND_LINE_FILE, machine().toString());
        assertThatThrownBy(() -> new ConfigLoader().load()).hasMessageContaining("can only be set in IT's machine-wide file");
    }

    @Test
    void aMachineFileTheClerkCouldWriteIsRefused() throws Exception {
        assumeThat(PosixIdentity.ofThisProcess()).hasValueSatisfying(id -> assertThat(id.isRoot()).isTrue());
        Path file = machine();
        Path folder = file.getParent();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        // root-owned, not writable by the clerk: trusted, also as a stand-in
        MachineFile.check(file, Optional.of(CLERK), false);
        MachineFile.check(file, Optional.of(CLERK), true);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> MachineFile.check(file, Optional.of(CLERK), false))
                .hasMessageContaining("this user can change it");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> MachineFile.check(file, Optional.of(CLERK), false))
                .hasMessageContaining("this user can change " + folder);
        // a sticky folder (like /tmp) lets only an entry's owner replace it
        Files.setAttribute(folder, "unix:mode", 01777);
        MachineFile.check(file, Optional.of(CLERK), false);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        Files.setAttribute(file, "unix:uid", 1000);
        assertThatThrownBy(() -> MachineFile.check(file, Optional.of(CLERK), false)).hasMessageContaining("this user can change it");
        assertThatThrownBy(() -> MachineFile.check(file, Optional.of(CLERK), true)).hasMessageContaining("not owned by root");
        Files.setAttribute(file, "unix:uid", 0);

        Files.setAttribute(folder, "unix:gid", 1000);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThatThrownBy(() -> MachineFile.check(file, Optional.of(CLERK), false)).hasMessageContaining(folder.toString());
        // root (IT) may use any file
        MachineFile.check(file, Optional.of(new PosixIdentity(0, Set.of(0))), true);
    }

    @Test
    void aStandInThatDoesNotExistIsNotAWayAroundTheCheck() throws Exception {
        Path missing = dir.resolve("nothing.json");
        assertThatThrownBy(() -> MachineFile.check(missing, Optional.of(CLERK), true)).hasMessageContaining("not owned by root");
        assertThatThrownBy(() -> MachineFile.check(missing, Optional.empty(), true)).hasMessageContaining("only honoured on Linux");
    }

    @Test
    void storedIterationCountsOutsideTheBoundsAreRefused() throws Exception {
        String[] p = HASH.split("\\$");
        assertThat(p[1]).isEqualTo("600000");
        assertThat(PasswordHash.verify("it-secret".toCharArray(), HASH)).isTrue();
        for (String count : List.of("1", "1000", "1000000000", "-5", "x")) {
            String forged = p[0] + "$" + count + "$" + p[2] + "$" + p[3];
            assertThat(PasswordHash.verify("it-secret".toCharArray(), forged)).as(count).isFalse();
            assertThat(PasswordHash.problem(forged)).as(count).isPresent();
        }
        Path file = Files.writeString(dir.resolve("weak.json"), """
                { "users": [ { "name": "sup", "role": "supervisor", "passwordHash": "%s" } ] }
                """.formatted(p[0] + "$1$" + p[2] + "$" + p[3]));
        assertThatThrownBy(() -> new ConfigLoader().loadLayers(file, List.of()))
                .hasMessageContaining("users[0] (sup): passwordHash uses 1 iterations; the station accepts 210000 to 5000000");
    }
}
