package org.scanstation.scan.driver.twain;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The TWAIN Data Source Manager's one entry point, bound with JNA:
 * {@code TW_UINT16 DSM_Entry(pTW_IDENTITY origin, pTW_IDENTITY dest, TW_UINT32 DG, TW_UINT16 DAT,
 * TW_UINT16 MSG, TW_MEMREF data)}. On 32-bit Windows TWAIN uses {@code __stdcall}
 * ({@link Windows}); on 64-bit Windows and Linux there is one C convention.
 */
interface DsmLibrary extends Library {

    short DSM_Entry(Pointer origin, Pointer dest, int dg, short dat, short msg, Pointer data);

    /** The same entry point with Windows' {@code PASCAL} ({@code __stdcall}) convention. */
    interface Windows extends DsmLibrary, StdCallLibrary {
    }

    /**
     * The application's TWAIN 2 callback ({@code DSMENTRYPROC}), which the data source calls through
     * the manager with {@code MSG_XFERREADY}, {@code MSG_CLOSEDSREQ}, {@code MSG_CLOSEDSOK} or
     * {@code MSG_DEVICEEVENT} in {@code msg}.
     */
    interface EventCallback extends Callback {
        short callback(Pointer origin, Pointer dest, int dg, short dat, short msg, Pointer data);
    }

    /** The callback with Windows' {@code PASCAL} convention. */
    interface WindowsEventCallback extends EventCallback, StdCallLibrary.StdCallCallback {
    }

    /** Loads the manager from {@code nameOrPath} (throws {@link UnsatisfiedLinkError} when it cannot be loaded). */
    static DsmLibrary load(String nameOrPath) {
        return Platform.isWindows() ? Native.load(nameOrPath, Windows.class) : Native.load(nameOrPath, DsmLibrary.class);
    }
}
