package org.scanstation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.doctor.CheckResult;
import org.scanstation.doctor.CheckStatus;
import org.scanstation.doctor.Doctor;
import org.scanstation.logging.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code doctor}: checks this PC's setup and says what is wrong in plain words; non-zero exit on a FAIL. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check this PC's setup: configuration, Tesseract and its language data, scanners,",
                "the batch store and its key, the EDMS, logs. Exits 1 when anything FAILs."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tessdata", paramLabel = "DIR", description = "Check this language data folder instead of the usual places.")
    Path tessdata;

    @Option(names = "--check-file", paramLabel = "FILE",
            description = "Also check FILE as a machine-wide configuration before deploying it (it is not applied).")
    Path candidate;

    @Override
    public Integer call() {
        Doctor.Settings pc = Doctor.Settings.forThisPc(LogSetup.currentLogDir().orElse(null));
        Doctor.Settings settings = pc.withTessdata(tessdata).withCandidate(candidate);
        List<CheckResult> results = new Doctor(settings).run();
        PrintWriter out = spec.commandLine().getOut();
        for (CheckResult r : results) {
            out.printf("%-4s  %-14s %s%n", r.status(), r.check(), r.summary());
            for (String d : r.details()) {
                out.println("                     " + d);
            }
        }
        long fails = results.stream().filter(r -> r.status() == CheckStatus.FAIL).count();
        long warns = results.stream().filter(r -> r.status() == CheckStatus.WARN).count();
        out.println(fails > 0 ? fails + " problem(s) stop the station from working; fix the FAIL lines above."
                : warns > 0 ? "The station can work; " + warns + " warning(s) above." : "All checks passed.");
        out.flush();
        return Doctor.anyFailed(results) ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }
}
