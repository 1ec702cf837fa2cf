package org.scanstation.pdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny tmpfs mounted for a test (full disk, read-only disk). Needs root; the test is skipped
 * where mounting is not permitted.
 */
public final class TinyFilesystem implements AutoCloseable {

    private final Path dir;

    private TinyFilesystem(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs with {@code options} (e.g. "size=64k" or "ro,size=64k") on {@code dir}. */
    public static TinyFilesystem mount(Path dir, String options) throws IOException, InterruptedException {
        int rc = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
        assumeTrue(rc == 0, "cannot mount a tmpfs here (needs root); skipping");
        return new TinyFilesystem(dir);
    }

    public Path dir() {
        return dir;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", dir.toString());
    }
}
