package org.scanstation.store.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a main class of the test classpath, whose stdout lines the test reads, and
 * that the test can kill with SIGKILL ({@link Process#destroyForcibly()}) at a chosen point.
 */
public final class TestJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final List<String> lines = new ArrayList<>();

    private TestJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static TestJvm start(Class<?> main, Path log, String... args) throws IOException {
        return start(main, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), log, args);
    }

    /** A child with its own JVM options (heap, system properties); Tesseract single-threaded as the CLI runs it. */
    public static TestJvm start(Class<?> main, List<String> jvmOptions, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        return new TestJvm(pb.start());
    }

    /** Reads lines until one matches; returns it, or null when the child ended first. */
    public String readUntil(Predicate<String> match) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (match.test(line)) {
                return line;
            }
        }
        return null;
    }

    /** SIGKILL: no shutdown hooks, no finally blocks, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** Waits for the child to end by itself (up to a minute after its output ends); returns its exit status. */
    public int waitFor() throws IOException, InterruptedException {
        return waitFor(60);
    }

    /** Waits for the child to end by itself, up to {@code seconds} after its output ends; returns its exit status. */
    public int waitFor(int seconds) throws IOException, InterruptedException {
        readUntil(l -> false);
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish in " + seconds + " s; output " + lines);
        }
        return process.exitValue();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
