package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.PasswordHash;
import org.scanstation.station.LocalAccounts;

/** IT makes the first supervisor account with {@code account}: the entry it prints is one the station accepts. */
class AccountCommandTest {

    @TempDir
    Path dir;

    private AnalyseCommandTest.Run withInput(String input, String... args) {
        InputStream was = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return AnalyseCommandTest.run(args);
        } finally {
            System.setIn(was);
        }
    }

    @Test
    void thePrintedAccountSignsInAtAStationWhoseMachineFileHoldsIt() throws Exception {
        AnalyseCommandTest.Run r = withInput("long enough secret\nlong enough secret\n", "account", "sam");
        assertThat(r.code()).isZero();
        String line = r.out().lines().findFirst().orElseThrow();
        JsonNode account = new ObjectMapper().readTree(line);
        assertThat(account.path("name").asText()).isEqualTo("sam");
        assertThat(account.path("role").asText()).isEqualTo("supervisor");
        assertThat(PasswordHash.problem(account.path("passwordHash").asText())).isEmpty();
        assertThat(r.out()).contains("\"users\"").contains(ConfigLoader.machineFile().toString());
        assertThat(r.out()).doesNotContain("long enough secret");

        Path machine = Files.writeString(dir.resolve("station.json"), "{\"users\": [" + line + "]}");
        var config = new ConfigLoader().load(machine, null);
        LocalAccounts accounts = new LocalAccounts(config.config().users());
        assertThat(accounts.hasSupervisor()).isTrue();
        assertThat(accounts.signIn("sam", "long enough secret".toCharArray())).isPresent();
    }

    @Test
    void twoDifferentPasswordsOrAShortOneMakeNothing() {
        AnalyseCommandTest.Run differ = withInput("long enough secret\nanother long secret\n", "account", "sam");
        assertThat(differ.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(differ.out()).isEmpty();
        assertThat(differ.err()).contains("differ");
        AnalyseCommandTest.Run shortOne = withInput("short\nshort\n", "account", "sam", "--role", "clerk");
        assertThat(shortOne.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(shortOne.err()).contains("at least 8");
    }
}
