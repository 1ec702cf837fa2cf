package org.scanstation.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code scanstation <command> ...}. Commands are thin; the work is in the services. */
@Command(name = "scanstation", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "ScanStation: scan case notes, file each page to the right patient, upload to the EDMS.",
        subcommands = {AnalyseCommand.class, ExportCommand.class, DevicesCommand.class, ScanCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class ScanStationCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ScanStationCli());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof CliException c) {
                err.println("scanstation: " + c.getMessage());
                err.flush();
                return c.exitCode().code();
            }
            err.println("scanstation: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            err.flush();
            return ExitCode.FAILURE.code();
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("scanstation: " + ex.getMessage() + " (try: scanstation "
                    + ex.getCommandLine().getCommandName() + " --help)");
            err.flush();
            return ExitCode.USAGE.code();
        });
        return cl;
    }

    /** Runs a command in this process (setting {@code OMP_THREAD_LIMIT=1} first unless the caller set it). */
    public static int run(String... args) {
        OpenMpThreadLimit.applyDefault();
        return commandLine().execute(args);
    }
}
