package org.scanstation.scan;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code saned} with SANE's test backend on 127.0.0.1, started by
 * {@code src/test/resources/saned/start-saned.sh} on a free port, and stopped (with the children it
 * forked for connections) by {@link #stop()}. When this machine cannot start one (not root, or no
 * saned), a saned already listening on 127.0.0.1:6566 is used; if there is none the test is skipped.
 */
final class SanedProcess implements AutoCloseable {

    static final Path SCRIPT = Path.of("src/test/resources/saned/start-saned.sh");

    final int port;
    private final ProcessHandle process; // null when using a saned someone else started

    private SanedProcess(int port, ProcessHandle process) {
        this.port = port;
        this.process = process;
    }

    /** Starts our own saned, or uses one on 6566, or skips the test saying why. */
    static SanedProcess startOrSkip() throws IOException, InterruptedException {
        if (canStartOwn()) {
            return startOwn(freePort());
        }
        assumeTrue(listening(6566), "needs a saned: run as root with sane-utils installed, or start one with "
                + SCRIPT + " (not root: " + !isRoot() + ", saned missing: " + !Files.isExecutable(Path.of("/usr/sbin/saned")) + ")");
        return new SanedProcess(6566, null);
    }

    /** Starts our own saned on {@code port}, or skips the test if this machine cannot. */
    static SanedProcess startOwnOrSkip(int port) throws IOException, InterruptedException {
        assumeTrue(canStartOwn(), "needs root and /usr/sbin/saned (apt-get install -y sane-utils libsane1) to start and kill saned");
        return startOwn(port);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean canStartOwn() {
        return isRoot() && Files.isExecutable(Path.of("/usr/sbin/saned")) && Files.isRegularFile(SCRIPT);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static SanedProcess startOwn(int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("start-saned.sh failed: " + out);
        }
        long pid = Long.parseLong(out.lines().reduce((a, b) -> b).orElseThrow().trim());
        return new SanedProcess(port, ProcessHandle.of(pid).orElseThrow());
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean ownedByTest() {
        return process != null;
    }

    String uri(String device) {
        return "sane://127.0.0.1:" + port + "/" + device;
    }

    /** Kills saned and the per-connection children it forked (SIGKILL: as if it crashed). */
    void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Freezes (SIGSTOP) or thaws (SIGCONT) saned's children: a scanner that hangs mid-page. */
    void signalChildren(String signal) throws IOException, InterruptedException {
        for (ProcessHandle child : process.descendants().toList()) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start().waitFor();
        }
    }

    void stop() {
        kill();
    }

    @Override
    public void close() {
        stop();
    }
}
