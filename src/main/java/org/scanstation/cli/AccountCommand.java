package org.scanstation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code account NAME [--role supervisor|clerk]}: IT makes a station account. Asks for the password twice
 * (from the terminal, unseen; or two lines on standard input when there is no terminal) and prints the
 * account as one entry for {@code users} in the machine-wide file. Writes no file: only IT's machine-wide
 * file holds accounts.
 */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "IT: make a station account. Asks for the password twice and prints the entry to add to"
                + " \"users\" in the machine-wide settings file.")
final class AccountCommand implements Callable<Integer> {

    static final int MIN_PASSWORD = 8;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The account's name, e.g. a supervisor's login.")
    String name;

    @Option(names = "--role", defaultValue = "supervisor", paramLabel = "ROLE",
            description = "supervisor (reviews, changes where patient data comes from or goes) or clerk. Default: ${DEFAULT-VALUE}.")
    String role;

    @Override
    public Integer call() throws IOException, CliException {
        if (!role.equals("supervisor") && !role.equals("clerk")) {
            throw new CliException(ExitCode.USAGE, "--role must be supervisor or clerk, not '" + role + "'");
        }
        if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw new CliException(ExitCode.USAGE, "the account needs a name without control characters");
        }
        char[] first = null;
        char[] second = null;
        try {
            Console console = System.console();
            if (console != null) {
                first = console.readPassword("Password for %s: ", name);
                second = console.readPassword("The same password again: ");
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String a = in.readLine();
                String b = in.readLine();
                first = a == null ? null : a.toCharArray();
                second = b == null ? null : b.toCharArray();
            }
            if (first == null || second == null) {
                throw new CliException(ExitCode.USAGE, "no password was given (type it twice)");
            }
            if (!Arrays.equals(first, second)) {
                throw new CliException(ExitCode.USAGE, "the two passwords differ: nothing was made");
            }
            if (first.length < MIN_PASSWORD) {
                throw new CliException(ExitCode.USAGE, "the password needs at least " + MIN_PASSWORD + " characters");
            }
            Map<String, String> account = new LinkedHashMap<>();
            account.put("name", name.trim());
            account.put("role", role);
            account.put("passwordHash", PasswordHash.create(first));
            PrintWriter out = spec.commandLine().getOut();
            out.println(new ObjectMapper().writeValueAsString(account));
            out.println("Add this line to \"users\": [ ... ] in " + ConfigLoader.machineFile()
                    + " (IT's file: owned by root or an administrator), check it with scanstation doctor --check-file,"
                    + " then start the station again.");
            out.flush();
            return ExitCode.OK.code();
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
