package org.scanstation.scan.driver.twain;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The Windows side of a TWAIN session (TWAIN 2.4 specification, chapter 3 and 4): a hidden window
 * owned by the session's thread is the application's parent window, and the thread pumps its
 * messages, offering each to the data source ({@code DG_CONTROL/DAT_EVENT/MSG_PROCESSEVENT}) before
 * dispatching it, so sources that need a window (most Windows drivers, even with their own window
 * off) get their events. Written to the specification; it has not run on Windows (see ADR 0012).
 */
final class WindowsMessagePump implements SessionPlatform {

    private static final int PM_REMOVE = 0x0001;
    /** Larger than {@code MSG} on 32- and 64-bit Windows (28 and 48 bytes). */
    private static final int MSG_BYTES = 64;

    /** The few {@code user32.dll} functions the pump needs. */
    interface User32 extends StdCallLibrary {
        Pointer CreateWindowExW(int exStyle, WString className, WString windowName, int style, int x, int y,
                                int width, int height, Pointer parent, Pointer menu, Pointer instance, Pointer param);

        boolean DestroyWindow(Pointer window);

        boolean PeekMessageW(Pointer message, Pointer window, int filterMin, int filterMax, int remove);

        boolean TranslateMessage(Pointer message);

        Pointer DispatchMessageW(Pointer message);
    }

    private final User32 user32;
    private final Pointer window;
    private final Memory parent = new Memory(Native.POINTER_SIZE);
    private final Memory message = new Memory(MSG_BYTES);

    WindowsMessagePump() {
        this.user32 = Native.load("user32", User32.class);
        // a plain hidden window of a system class: it never shows, it only owns the message queue
        this.window = user32.CreateWindowExW(0, new WString("STATIC"), new WString("ScanStation TWAIN"), 0, 0, 0, 0, 0,
                null, null, null, null);
        if (window == null) {
            throw new IllegalStateException("could not create the window TWAIN needs (CreateWindowEx failed, error "
                    + Native.getLastError() + ")");
        }
        parent.setPointer(0, window);
    }

    @Override
    public Pointer parent() {
        return parent;
    }

    @Override
    public Pointer window() {
        return window;
    }

    @Override
    public void pump(MessageFilter source) {
        while (user32.PeekMessageW(message, null, 0, 0, PM_REMOVE)) {
            if (!source.offer(message)) {
                user32.TranslateMessage(message);
                user32.DispatchMessageW(message);
            }
        }
    }

    @Override
    public void close() {
        user32.DestroyWindow(window);
        parent.close();
        message.close();
    }
}
