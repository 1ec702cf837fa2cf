package org.scanstation.cli;

import java.io.PrintWriter;
import java.util.List;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.files.NoPlaintextTempFiles;
import org.scanstation.logging.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code scanstation <command> ...}. Commands are thin; the work is in the services. */
@Command(name = "scanstation", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "ScanStation: scan case notes, file each page to the right patient, upload to the EDMS.",
        subcommands = {AnalyseCommand.class, ExportCommand.class, ProcessCommand.class, UploadCommand.class,
                QueueCommand.class, AuditCommand.class, DevicesCommand.class, ScanCommand.class, BenchCommand.class,
                DoctorCommand.class, GenerateSamplesCommand.class, IndexCommand.class, CommandLine.HelpCommand.class})
public final class ScanStationCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * {@code --config FILE}: further settings for this run, over the user's own file. Like that file it
     * may only change what IT has not locked, and never holds accounts or locks (see ADR 0011).
     */
    @CommandLine.Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Settings file for this run, applied over your own settings for what IT has not locked"
                    + " (accounts and locks come only from /etc/scanstation/station.json,"
                    + " %%ProgramData%%\\ScanStation\\station.json).")
    void setConfig(java.nio.file.Path file) {
        System.setProperty(ConfigLoader.COMMAND_LINE_FILE, file.toString());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        NoPlaintextTempFiles.apply();
        CommandLine cl = new CommandLine(new ScanStationCli());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof CliException c) {
                err.println("scanstation: " + Redactor.mask(c.getMessage()));
                err.flush();
                return c.exitCode().code();
            }
            if (ex instanceof org.scanstation.match.PatientIndexUnavailableException) {
                err.println("scanstation: " + Redactor.mask(ex.getMessage()));
                err.flush();
                return ExitCode.PATIENT_INDEX.code();
            }
            err.println("scanstation: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : Redactor.mask(ex.getMessage())));
            err.flush();
            return ExitCode.FAILURE.code();
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("scanstation: " + Redactor.mask(ex.getMessage()) + " (try: scanstation "
                    + ex.getCommandLine().getCommandName() + " --help)");
            err.flush();
            return ExitCode.USAGE.code();
        });
        cl.setExecutionStrategy(ScanStationCli::executeWithValidConfig);
        return cl;
    }

    /**
     * Help and version are answered as usual; every other command first loads the configuration and
     * refuses to run on a malformed file, naming it and the line. {@code doctor} reports it instead.
     */
    private static int executeWithValidConfig(CommandLine.ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        List<CommandLine> invoked = parsed.asCommandLineList();
        Object last = invoked.get(invoked.size() - 1).getCommand();
        if (!(last instanceof DoctorCommand) && !(last instanceof CommandLine.HelpCommand)) {
            int refused = checkConfiguration(parsed.commandSpec().commandLine().getErr());
            if (refused != 0) {
                return refused;
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Runs a command in this process (setting {@code OMP_THREAD_LIMIT=1} first unless the caller set it). */
    /**
     * Loads the configuration; on a malformed file prints why (file and line) and returns the exit
     * status to stop with, else 0. The window's start-up uses it too.
     */
    public static int checkConfiguration(PrintWriter err) {
        try {
            EffectiveConfig loaded = new ConfigLoader().load();
            StationConfig.Analysis analysis = loaded.config().analysis();
            if (analysis != null) {
                Redactor.useHospitalNumberPattern(analysis.hospitalNumberPattern());
            }
            return 0;
        } catch (ConfigException e) {
            err.println("scanstation: the station will not start: " + Redactor.mask(e.getMessage()));
            err.println("scanstation: correct the file (check it with: scanstation doctor)");
            err.flush();
            return ExitCode.CONFIG.code();
        }
    }

    public static int run(String... args) {
        OpenMpThreadLimit.applyDefault();
        CommandLine cl = commandLine();
        // everything printed to the error output passes the redactor, not only the messages above
        cl.setErr(new PrintWriter(new RedactingWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.Charset.defaultCharset())), true));
        return cl.execute(args);
    }
}
