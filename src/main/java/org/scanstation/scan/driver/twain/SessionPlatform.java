package org.scanstation.scan.driver.twain;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * What a TWAIN session needs from the operating system: the parent given to the manager, and on
 * Windows a window and its message loop, through which sources that need one get their events.
 */
interface SessionPlatform extends AutoCloseable {

    /** The {@code DAT_PARENT} argument: a pointer to a window handle ({@code HWND*}). */
    Pointer parent();

    /** The window handle for {@code TW_USERINTERFACE.hParent} (null on Linux). */
    Pointer window();

    /**
     * Takes the thread's waiting window messages, offering each to {@code source} first; messages the
     * source does not take are dispatched as usual. Nothing to do where TWAIN has no message loop.
     */
    void pump(MessageFilter source);

    @Override
    void close();

    /** Offers one window message ({@code MSG*}) to the data source; true when the source took it. */
    interface MessageFilter {
        boolean offer(Pointer message);
    }

    /** The platform of this computer, created on (and used only from) the session's thread. */
    static SessionPlatform create() {
        return Platform.isWindows() ? new WindowsMessagePump() : new Headless();
    }

    /** Linux (and any system without a TWAIN message loop): events come through the callback. */
    final class Headless implements SessionPlatform {
        private final Memory parent = new Memory(Native.POINTER_SIZE);

        Headless() {
            parent.clear();
        }

        @Override
        public Pointer parent() {
            return parent;
        }

        @Override
        public Pointer window() {
            return null;
        }

        @Override
        public void pump(MessageFilter source) {
            // no window messages
        }

        @Override
        public void close() {
            parent.close();
        }
    }
}
