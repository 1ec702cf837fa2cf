package org.scanstation.cli;

/** A failure to report to the user as one plain line, with its exit status. */
public class CliException extends Exception {

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
