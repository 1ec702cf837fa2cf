package org.scanstation.scan.driver.twain;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/**
 * Transfers one page in state 6: natively (one handle: a DIB on Windows, a TIFF elsewhere) or through
 * memory (strip by strip into a buffer from the manager's allocator). Returns null when the source
 * cancelled the page ({@code TWRC_CANCEL}); the session is then in state 7 either way.
 */
final class PageTransfer {

    private static final int MAX_BUFFER = 8 << 20;
    private static final int DEFAULT_BUFFER = 64 << 10;

    private final TwainSession session;
    private final Runnable alive;

    PageTransfer(TwainSession session, Runnable alive) {
        this.session = session;
        this.alive = alive;
    }

    BufferedImage transfer(TransferMode mode, ImageInfo info, ScanSetup.Agreed agreed, int pageNumber) {
        return mode == TransferMode.NATIVE ? nativePage(pageNumber) : memoryPage(info, agreed, pageNumber);
    }

    private BufferedImage nativePage(int pageNumber) {
        TwainSession.NativeResult r = session.nativeTransfer();
        if (r.returnCode() == TwainConstants.TWRC_CANCEL) {
            session.memory().free(r.handle());
            return null;
        }
        if (r.returnCode() != TwainConstants.TWRC_XFERDONE) {
            throw failure(pageNumber);
        }
        if (r.handle() == null) {
            throw unreadable(pageNumber, "the scanner's driver handed back no picture");
        }
        alive.run();
        byte[] bytes;
        DsmMemory memory = session.memory();
        try {
            Pointer p = memory.lock(r.handle());
            try {
                bytes = Platform.isWindows() ? dibBytes(p) : tiffBytes(p);
            } finally {
                memory.unlock(r.handle());
            }
        } catch (IllegalArgumentException e) {
            throw unreadable(pageNumber, e.getMessage());
        } finally {
            memory.free(r.handle());
        }
        try {
            return Platform.isWindows() ? DibDecoder.decode(ByteBuffer.wrap(bytes)).image() : NativeTiff.decode(bytes);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(pageNumber, e.getMessage());
        }
    }

    private static byte[] dibBytes(Pointer p) {
        long length = DibDecoder.byteLength(ByteBuffer.wrap(p.getByteArray(0, DibDecoder.HEADER_BYTES)));
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a bitmap of " + length + " bytes");
        }
        return p.getByteArray(0, (int) length);
    }

    private static byte[] tiffBytes(Pointer p) {
        long length = NativeTiff.byteLength((offset, n) -> p.getByteArray(offset, n));
        return p.getByteArray(0, (int) length);
    }

    private BufferedImage memoryPage(ImageInfo info, ScanSetup.Agreed agreed, int pageNumber) {
        TwainStructs.TwSetupMemXfer setup = session.setupMemoryTransfer();
        int size = bufferSize(setup);
        StripAssembler strips;
        try {
            strips = new StripAssembler(info, agreed.lsbFirst(), agreed.vanilla());
        } catch (IllegalArgumentException e) {
            throw unreadable(pageNumber, e.getMessage());
        }
        DsmMemory memory = session.memory();
        Pointer handle = memory.allocate(size);
        try {
            Pointer buffer = memory.lock(handle);
            try {
                while (true) {
                    TwainStructs.TwImageMemXfer strip = new TwainStructs.TwImageMemXfer();
                    strip.Compression = (short) TwainConstants.TWON_DONTCARE16;
                    strip.BytesPerRow = -1;
                    strip.Columns = -1;
                    strip.Rows = -1;
                    strip.XOffset = -1;
                    strip.YOffset = -1;
                    strip.BytesWritten = -1;
                    strip.Flags = TwainConstants.TWMF_APPOWNS | TwainConstants.TWMF_POINTER;
                    strip.Length = size;
                    strip.TheMem = buffer;
                    int rc = session.memoryStrip(strip);
                    if (rc == TwainConstants.TWRC_CANCEL) {
                        return null;
                    }
                    if (rc != TwainConstants.TWRC_SUCCESS && rc != TwainConstants.TWRC_XFERDONE) {
                        throw failure(pageNumber);
                    }
                    int written = strip.BytesWritten;
                    if (written < 0 || written > size) {
                        throw unreadable(pageNumber, "a strip claims " + Integer.toUnsignedString(written) + " bytes in a buffer of "
                                + size);
                    }
                    try {
                        strips.add(buffer.getByteArray(0, written), strip.BytesPerRow, strip.Rows, strip.YOffset,
                                strip.Compression & 0xFFFF);
                    } catch (IllegalArgumentException e) {
                        throw unreadable(pageNumber, e.getMessage());
                    }
                    alive.run();
                    if (rc == TwainConstants.TWRC_XFERDONE) {
                        return strips.image();
                    }
                }
            } finally {
                memory.unlock(handle);
            }
        } catch (IllegalArgumentException e) {
            throw unreadable(pageNumber, e.getMessage());
        } finally {
            memory.free(handle);
        }
    }

    /** The source's preferred buffer size, within its minimum and a sane maximum. */
    static int bufferSize(TwainStructs.TwSetupMemXfer setup) {
        long min = Integer.toUnsignedLong(setup.MinBufSize);
        long max = Integer.toUnsignedLong(setup.MaxBufSize);
        long preferred = Integer.toUnsignedLong(setup.Preferred);
        long dontCare = 0xFFFFFFFFL;
        long size = preferred != 0 && preferred != dontCare ? preferred : DEFAULT_BUFFER;
        if (max != 0 && max != dontCare) {
            size = Math.min(size, max);
        }
        if (min != dontCare) {
            size = Math.max(size, min);
        }
        return (int) Math.min(size, Math.max(MAX_BUFFER, min == dontCare ? 0 : min));
    }

    private ScanException failure(int pageNumber) {
        return ConditionCodes.exception("page " + pageNumber, session.sourceStatus());
    }

    private ScanException unreadable(int pageNumber, String why) {
        return new ScanException(ScanError.DEVICE_ERROR, "Page " + pageNumber + " came from the scanner in a form the"
                + " station cannot read (" + why + "). The scan stopped there: scan from page " + pageNumber + " again.");
    }
}
