package org.scanstation.image;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * PDFBox reports some drawing failures only in its log (an image it could not draw, a glyph, a
 * shading, a form nested too deep). This handler takes the errors PDFBox logs on a thread that is
 * drawing a page and adds them to that page's {@link RenderProblems}. Warnings are not taken: PDFBox
 * warns about many harmless things (a font substituted, a dash phase); its operator failures are
 * caught directly by {@link CheckedPageDrawer}.
 */
final class PdfBoxErrorLog extends Handler {

    private static final PdfBoxErrorLog INSTANCE = new PdfBoxErrorLog();
    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final Logger[] LOGGERS = {Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox")};
    private static boolean installed;

    private final Map<Long, RenderProblems> drawing = new ConcurrentHashMap<>();

    private PdfBoxErrorLog() {
        setLevel(Level.SEVERE);
    }

    /** Starts collecting the errors logged on the current thread into {@code problems}. */
    static void startCollecting(RenderProblems problems) {
        install();
        INSTANCE.drawing.put(Thread.currentThread().getId(), problems);
    }

    static void stopCollecting() {
        INSTANCE.drawing.remove(Thread.currentThread().getId());
    }

    private static synchronized void install() {
        for (Logger logger : LOGGERS) {
            if (!installed) {
                logger.addHandler(INSTANCE);
            }
            // the station's log set-up may have silenced everything: errors must still reach this handler
            if (!logger.isLoggable(Level.SEVERE)) {
                logger.setLevel(Level.SEVERE);
            }
        }
        installed = true;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.SEVERE.intValue()) {
            return;
        }
        RenderProblems problems = drawing.get(record.getLongThreadID());
        if (problems != null) {
            String message = record.getMessage();
            if (record.getThrown() != null && record.getThrown().getMessage() != null
                    && (message == null || !message.contains(record.getThrown().getMessage()))) {
                message = (message == null ? "" : message + ": ") + record.getThrown().getMessage();
            }
            problems.add("the PDF renderer reported an error: " + Messages.oneLine(message));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
