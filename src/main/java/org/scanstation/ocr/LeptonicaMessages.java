package org.scanstation.ocr;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Leptonica, the image library inside Tesseract, writes its messages straight to the process's standard error:
 * on some pages Tesseract's search for picture regions hands it a box outside the page, and the clerk's console
 * shows "Error in boxClipToRectangle: box outside rectangle" although Tesseract carries on and the page is read.
 * The station's rule is that the console shows only what the user asked for and everything else goes to the log
 * ({@link org.scanstation.logging.LogSetup}); this routes Leptonica's messages to the log (logger
 * {@value #LOGGER}, level INFO) instead. At most {@link #PER_MINUTE} a minute are written, so a page that makes
 * Leptonica repeat itself cannot fill the log; the number left out is logged when the next minute starts.
 * Installed once per process, before the first Tesseract engine is created.
 */
public final class LeptonicaMessages {

    static final String LOGGER = "org.scanstation.ocr.leptonica";
    static final int PER_MINUTE = 20;

    /** Held here: the log manager keeps loggers only weakly, and a collected logger loses its level. */
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final LeptonicaMessages ROUTED = new LeptonicaMessages(Clock.systemUTC());
    /** Held for the life of the process: Leptonica keeps a pointer to it. */
    private static final Leptonica.StderrHandler HANDLER = LeptonicaMessages::fromLeptonica;
    private static String installedFrom;
    private static boolean tried;

    /** The one function of Leptonica the station calls. */
    interface Leptonica extends Library {
        interface StderrHandler extends Callback {
            void invoke(String message);
        }

        void leptSetStderrHandler(StderrHandler handler);
    }

    private final Clock clock;
    private long minute = Long.MIN_VALUE;
    private int written;
    private int leftOut;

    LeptonicaMessages(Clock clock) {
        this.clock = clock;
    }

    /**
     * Routes Leptonica's messages to the log from now on.
     *
     * @return false when the library could not be reached (its messages then stay on standard error)
     */
    public static synchronized boolean install() {
        if (!tried) {
            tried = true;
            List<String> problems = new ArrayList<>();
            for (String name : libraryNames()) {
                try {
                    Native.load(name, Leptonica.class).leptSetStderrHandler(HANDLER);
                    installedFrom = name;
                    break;
                } catch (RuntimeException | LinkageError e) {
                    problems.add(name + ": " + e.getMessage());
                }
            }
            if (installedFrom == null) {
                LOG.log(Level.FINE, () -> "Leptonica's messages stay on standard error: " + problems);
            }
        }
        return installedFrom != null;
    }

    /** The library name the handler was installed in, or null (tests load the same library). */
    static synchronized String libraryName() {
        return installedFrom;
    }

    /**
     * The library Tesseract itself uses: Debian 12's libtesseract links liblept.so.5, Leptonica 1.83 and later is
     * libleptonica; on Windows the DLL bundled with Tess4J.
     */
    private static List<String> libraryNames() {
        List<String> names = new ArrayList<>();
        if (Platform.isWindows()) {
            try {
                names.add(net.sourceforge.lept4j.util.LoadLibs.getLeptonicaLibName());
            } catch (RuntimeException | LinkageError ignored) {
                // the names below
            }
        }
        names.add("lept");
        names.add("leptonica");
        return names;
    }

    private static void fromLeptonica(String message) {
        if (message != null) {
            ROUTED.accept(message);
        }
    }

    /** One message from Leptonica (its text as printed, usually "Error in function: what"). */
    synchronized void accept(String message) {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            int notLogged = leftOut;
            if (notLogged > 0) {
                LOG.info(() -> "Leptonica: " + notLogged + " more messages in the minute before were not logged");
            }
            minute = now;
            written = 0;
            leftOut = 0;
        }
        if (written >= PER_MINUTE) {
            leftOut++;
            return;
        }
        written++;
        String text = message.strip();
        LOG.info(() -> "Leptonica (Tesseract's image library) reported: " + text);
    }
}
