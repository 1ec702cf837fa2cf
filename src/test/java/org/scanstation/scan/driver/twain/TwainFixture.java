package org.scanstation.scan.driver.twain;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real TWAIN stack for tests: the TWAIN Working Group's Data Source Manager and its sample data
 * source (a virtual scanner with a feeder, "TWAIN2 Software Scanner"), built from
 * {@code ../shared/third-party/twain} into {@code target/twain} the first time a test needs it
 * (about 45 s; once per build). On Linux a failed build fails the tests (never a skip); other
 * systems skip, saying why.
 */
public final class TwainFixture {

    public static final String SOURCE = "TWAIN2 Software Scanner";
    public static final String DEVICE = "twain:" + SOURCE;
    private static final Path VENDOR = Path.of("../shared/third-party/twain");
    private static final Path PREFIX = Path.of("target/twain");
    private static Path built;

    private TwainFixture() {
    }

    /** The sample's feeder holds {@code sheets} sheets from the next time the source is opened. */
    public static void feederHolds(int sheets) {
        libc().setenv("CAP_XFERCOUNT", Integer.toString(sheets), 1);
    }

    /** {@code libtwaindsm.so.2} of the fixture, built if needed. Skips (not fails) on systems other than Linux. */
    public static synchronized Path dsm() {
        assumeTrue(Platform.isLinux(), "the TWAIN test fixture builds on Linux only");
        if (built != null) {
            return built;
        }
        Path lib = PREFIX.resolve("lib/libtwaindsm.so.2").toAbsolutePath();
        Path ds = PREFIX.resolve("lib/twain/sample2/TWAINDS_FreeImage.ds");
        try {
            Files.createDirectories(PREFIX);
            try (FileChannel ch = FileChannel.open(PREFIX.resolve("build.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                if (!Files.exists(lib) || !Files.exists(ds)) {
                    build();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the TWAIN fixture in " + PREFIX + ": " + e.getMessage(), e);
        }
        if (!Files.exists(lib) || !Files.exists(ds)) {
            throw new IllegalStateException("the TWAIN fixture build left no " + lib + " or " + ds);
        }
        built = lib;
        return lib;
    }

    /** The driver bound to the fixture's manager. */
    public static TwainDriver driver() {
        return new TwainDriver(new DsmLocation(dsm().toString(), "the TWAIN test fixture"));
    }

    private static void build() throws IOException {
        Path script = VENDOR.resolve("build-fixture.sh");
        if (!Files.exists(script)) {
            throw new IllegalStateException("the TWAIN fixture's source is missing: " + script.toAbsolutePath());
        }
        Path log = PREFIX.resolve("build.log");
        Process p = new ProcessBuilder(List.of("bash", script.toString(), VENDOR.toString(), PREFIX.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the TWAIN fixture build did not finish in 15 minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the TWAIN fixture", e);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("the TWAIN fixture build failed (exit " + p.exitValue() + "; are cmake g++ make"
                    + " qtbase5-dev qt5-qmake libfreeimage-dev installed? scripts/install-deps.sh --test installs them):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private static LibC libc() {
        return Native.load("c", LibC.class);
    }
}
