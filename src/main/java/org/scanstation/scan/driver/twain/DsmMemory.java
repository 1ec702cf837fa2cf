package org.scanstation.scan.driver.twain;

import com.sun.jna.Function;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Memory through the manager's own allocator ({@code DAT_ENTRYPOINT}): a TWAIN 2 application must
 * allocate the containers it hands to a source, and free what a source hands back, with these
 * functions (on Windows {@code GlobalAlloc}/{@code GlobalLock}, on Linux {@code calloc}).
 */
final class DsmMemory {

    private final Function allocate;
    private final Function free;
    private final Function lock;
    private final Function unlock;

    DsmMemory(TwainStructs.TwEntryPoint entry) {
        int convention = Platform.isWindows() && !Platform.is64Bit() ? Function.ALT_CONVENTION : Function.C_CONVENTION;
        if (entry.DSM_MemAllocate == null || entry.DSM_MemFree == null || entry.DSM_MemLock == null
                || entry.DSM_MemUnlock == null) {
            throw new IllegalStateException("the TWAIN Data Source Manager gave no memory functions");
        }
        this.allocate = Function.getFunction(entry.DSM_MemAllocate, convention);
        this.free = Function.getFunction(entry.DSM_MemFree, convention);
        this.lock = Function.getFunction(entry.DSM_MemLock, convention);
        this.unlock = Function.getFunction(entry.DSM_MemUnlock, convention);
    }

    /** A zero-filled block of {@code bytes} bytes, as a handle; never null. */
    Pointer allocate(int bytes) {
        Pointer h = (Pointer) allocate.invoke(Pointer.class, new Object[]{bytes});
        if (h == null) {
            throw new OutOfMemoryError("the TWAIN Data Source Manager could not allocate " + bytes + " bytes");
        }
        return h;
    }

    void free(Pointer handle) {
        if (handle != null) {
            free.invoke(Void.class, new Object[]{handle});
        }
    }

    Pointer lock(Pointer handle) {
        Pointer p = (Pointer) lock.invoke(Pointer.class, new Object[]{handle});
        if (p == null) {
            throw new IllegalStateException("the TWAIN Data Source Manager could not lock a memory handle");
        }
        return p;
    }

    void unlock(Pointer handle) {
        unlock.invoke(Void.class, new Object[]{handle});
    }

    /** Copies {@code bytes} into a new handle. */
    Pointer allocate(byte[] bytes) {
        Pointer h = allocate(bytes.length);
        Pointer p = lock(h);
        try {
            p.write(0, bytes, 0, bytes.length);
        } finally {
            unlock(h);
        }
        return h;
    }
}
