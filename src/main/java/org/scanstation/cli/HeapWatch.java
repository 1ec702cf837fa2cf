package org.scanstation.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.scanstation.pipeline.BatchListener;
import org.scanstation.pipeline.PageAnalysis;

/**
 * The heap while a batch is analysed, window by window of pages, to show whether it stays flat whatever
 * the batch's length: per window, the most the heap held just after a garbage collection (what the
 * analysis keeps alive) and the most it held at all (with garbage not yet collected).
 */
final class HeapWatch implements BatchListener, AutoCloseable {

    /** One window of pages: the largest heap after a collection and the largest heap used, in MB. */
    record Window(int pages, long liveMb, long usedMb) {
    }

    private final int window;
    private final List<Window> windows = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener onGc = this::afterGc;
    private int pages;
    private long liveMax;

    HeapWatch(int window) {
        this.window = Math.max(1, window);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onGc, null, null);
                emitters.add(emitter);
            }
        }
        resetPeaks();
    }

    private synchronized void afterGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long live = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeap(pool.getKey())) {
                live += pool.getValue().getUsed();
            }
        }
        liveMax = Math.max(liveMax, live);
    }

    private static boolean isHeap(String poolName) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(poolName)) {
                return pool.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }

    @Override
    public synchronized void pageAnalysed(PageAnalysis page) {
        pages++;
        if (pages % window == 0) {
            closeWindow(window);
        }
    }

    /** The windows so far, the last one (if partial) closed. */
    synchronized List<Window> windows() {
        if (pages % window != 0) {
            closeWindow(pages % window);
        }
        return List.copyOf(windows);
    }

    private void closeWindow(int size) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                used += pool.getPeakUsage().getUsed();
            }
        }
        windows.add(new Window(size, liveMax / (1024 * 1024), used / (1024 * 1024)));
        liveMax = 0;
        resetPeaks();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(onGc);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
