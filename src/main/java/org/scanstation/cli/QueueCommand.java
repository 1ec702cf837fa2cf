package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.scanstation.store.BatchStore;
import org.scanstation.store.QueueReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code queue}: every batch and document of the store with its state (no patient data). */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "List every batch and document in the store with its state, EDMS object id and last remark,"
                + " and what the store set aside for IT (quarantine): damage never makes it delete anything.")
final class QueueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreAccess storeAccess;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        QueueReport report;
        BatchStore store = storeAccess.open(true);
        try {
            report = store.report();
        } finally {
            storeAccess.close(store);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                report.writeJson(new NonClosing(out));
            } catch (IOException e) {
                throw new CliException(ExitCode.FAILURE, "cannot write the report: " + e.getMessage());
            }
            out.println();
        } else {
            out.print(report.toText());
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** Bytes to a console writer (UTF-8 JSON), leaving the writer open. */
    static final class NonClosing extends OutputStream {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

        NonClosing(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public void flush() {
            out.print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
            buffer.reset();
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
