package org.scanstation.station;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Tells the station's listeners what happens, and keeps the progress counters they are shown. */
final class StationEvents {

    private final List<StationListener> listeners = new CopyOnWriteArrayList<>();
    final AtomicInteger scanned = new AtomicInteger();
    final AtomicInteger analysed = new AtomicInteger();
    final AtomicInteger ocrDone = new AtomicInteger();
    final AtomicInteger ocrTotal = new AtomicInteger();
    final AtomicInteger uploaded = new AtomicInteger();
    final AtomicInteger toUpload = new AtomicInteger();
    private volatile boolean scanning;

    void add(StationListener listener) {
        listeners.add(listener);
    }

    void scanning(boolean now) {
        scanning = now;
        progress();
    }

    boolean isScanning() {
        return scanning;
    }

    ScanProgress snapshot() {
        return new ScanProgress(scanning, scanned.get(), analysed.get(), ocrDone.get(), ocrTotal.get(),
                uploaded.get(), toUpload.get());
    }

    void notice(String text) {
        listeners.forEach(l -> l.notice(text));
    }

    void pageAdded(LivePage page) {
        listeners.forEach(l -> l.pageAdded(page));
    }

    void pagesChanged() {
        listeners.forEach(StationListener::pagesChanged);
    }

    void progress() {
        ScanProgress p = snapshot();
        listeners.forEach(l -> l.progress(p));
    }

    void queuesChanged() {
        listeners.forEach(StationListener::queuesChanged);
    }

    void connection(boolean online, String text) {
        listeners.forEach(l -> l.connection(online, text));
    }

    static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
