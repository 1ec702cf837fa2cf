package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.store.AuditAnchor;
import org.scanstation.store.AuditVerdict;
import org.scanstation.store.AuditVerification;
import org.scanstation.store.BatchStore;
import org.scanstation.upload.AuditAnchoring;
import org.scanstation.upload.EdmsException;
import org.scanstation.upload.EdmsUnavailableException;
import org.scanstation.upload.cmis.CmisBrowserClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code audit}: the store's audit trail, decrypted, as JSON for an auditor. It holds patient data
 * (NHS numbers of automatic decisions), so {@code --out} writes a file only its owner can read.
 * {@code audit --verify} checks the trail's hash chain and compares it with the anchors the uploads
 * filed in the EDMS: exit 0 when intact, 8 with the first bad record in words.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Export the audit trail (who scanned what, when, every decision, every upload) as JSON."
                + " It contains patient identifiers: keep the file safe.",
                "With --verify: check the trail's hash chain and compare it with the anchors in the EDMS"
                        + " (--cmis ...). Exit 0 intact; 8 records missing, altered, reordered or forged (the first"
                        + " bad record is named); 7 EDMS unavailable."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreAccess storeAccess;

    @Mixin
    EdmsOptions edmsOptions;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here instead of printing it.")
    Path outFile;

    @Option(names = "--verify", description = "Check the trail instead of exporting it (with --cmis: against the"
            + " anchors in the EDMS).")
    boolean verify;

    @Override
    public Integer call() throws Exception {
        return verify ? verify() : export();
    }

    private int export() throws CliException {
        if (edmsOptions.given()) {
            throw new CliException(ExitCode.USAGE, "--cmis is for --verify (compare the trail with the EDMS anchors)");
        }
        OutputFile result = outFile == null ? null : OutputFile.beside(outFile, "audit"); // owner-only (rw-------)
        BatchStore store = storeAccess.open(true);
        PrintWriter console = spec.commandLine().getOut();
        try (OutputStream os = result == null ? new QueueCommand.NonClosing(console) : result.open()) {
            store.audit().exportJson(os);
        } catch (IOException e) {
            if (result != null) {
                result.discard();
            }
            throw new CliException(ExitCode.STORE, "cannot export the audit trail: " + e.getMessage());
        } finally {
            storeAccess.close(store);
        }
        if (result != null) {
            try {
                result.commit();
            } catch (IOException e) {
                result.discard();
                throw new CliException(ExitCode.FAILURE, "cannot write " + outFile + ": " + e.getMessage());
            }
            console.println("Audit trail written to " + outFile);
        } else {
            console.println();
        }
        console.flush();
        return ExitCode.OK.code();
    }

    private int verify() throws CliException {
        if (outFile != null) {
            throw new CliException(ExitCode.USAGE, "--verify prints its findings; it takes no --out");
        }
        List<String> root = edmsOptions.given() ? edmsOptions.folderRoot() : List.of();
        AuditVerdict verdict;
        List<String> strangers = List.of();
        BatchStore store = storeAccess.open(true);
        try {
            List<AuditAnchor> anchors = List.of();
            if (edmsOptions.given()) {
                try (CmisBrowserClient edms = new CmisBrowserClient(edmsOptions.connection())) {
                    AuditAnchoring.Anchors found = new AuditAnchoring(edms, root).anchors(store.audit().storeId());
                    anchors = found.anchors();
                    strangers = found.unreadable();
                } catch (EdmsUnavailableException e) {
                    throw new CliException(ExitCode.EDMS_UNAVAILABLE, "the EDMS could not be asked for the audit"
                            + " anchors: " + e.getMessage());
                } catch (EdmsException e) {
                    throw new CliException(ExitCode.NEEDS_ATTENTION, "the EDMS refused to show the audit anchors: "
                            + e.getMessage());
                }
            }
            verdict = AuditVerification.verify(store.audit(), anchors, edmsOptions.given());
        } finally {
            storeAccess.close(store);
        }
        return report(verdict, strangers);
    }

    private int report(AuditVerdict v, List<String> strangers) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Audit trail of store " + v.store() + ": " + v.records() + " records, " + v.anchors()
                + " anchor(s) in the EDMS.");
        v.problems().forEach(p -> out.println("BAD   " + p.words()));
        strangers.forEach(s -> out.println("NOTE  " + s));
        v.notes().forEach(n -> out.println("NOTE  " + n));
        if (v.intact()) {
            out.println("Intact: every record is in its place, linked to the one before it"
                    + (v.anchors() > 0 ? ", and matches what the EDMS received." : "."));
            out.flush();
            return ExitCode.OK.code();
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        AuditVerdict.Problem first = v.firstBadRecord().orElseThrow();
        err.println("scanstation: the audit trail is NOT intact (" + v.problems().size() + " problem(s)); first bad"
                + " record: " + first.record() + ": " + first.words());
        err.flush();
        return ExitCode.NEEDS_ATTENTION.code();
    }
}
