package org.scanstation.scan.driver.twain;

import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/**
 * One TWAIN session: the application's conversation with the Data Source Manager and at most one
 * data source, through the TWAIN states 2 to 7. Every {@code DSM_Entry} call is made from the
 * thread that opened the session (checked); {@link #close()} walks back to state 2 from wherever the
 * session is, also after errors and cancels. Not thread-safe by design.
 */
final class TwainSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TwainSession.class.getName());

    /** A data source the manager knows. */
    record Source(String productName, String manufacturer, String productFamily) {
    }

    /** How a {@code MSG_SET} went. */
    record SetResult(Outcome outcome, int conditionCode) {
        enum Outcome { ACCEPTED, CHANGED, UNSUPPORTED, REFUSED }

        boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    /** What the source said while the station waited for a page. */
    enum SourceEvent { TRANSFER_READY, CLOSE_REQUESTED }

    /** The result of a native transfer: the return code and, when done, the handle holding the page. */
    record NativeResult(int returnCode, Pointer handle) {
    }

    private final DsmLibrary dsm;
    private final SessionPlatform platform;
    private final Thread owner = Thread.currentThread();
    private final TwainStructs.TwIdentity app = TwainStructs.TwIdentity.application();
    private final ContainerCodec codec = new ContainerCodec(Native.POINTER_SIZE);
    private final Queue<Short> events = new ConcurrentLinkedQueue<>();
    private final Memory noMessage = new Memory(64);
    private TwainStructs.TwIdentity source;
    private String sourceName;
    private DsmMemory memory;
    private TwainState state = TwainState.MANAGER_LOADED;
    // kept referenced for the life of the session: the source calls it through a raw pointer
    private DsmLibrary.EventCallback callback;
    private TwainStructs.TwCallback callbackStruct;
    private boolean callbackRegistered;

    private TwainSession(DsmLibrary dsm, SessionPlatform platform) {
        this.dsm = dsm;
        this.platform = platform;
        noMessage.clear();
        app.write();
    }

    /** Opens the manager (state 3) and takes its memory functions; on failure nothing stays open. */
    static TwainSession open(DsmLibrary dsm, SessionPlatform platform) {
        TwainSession s = new TwainSession(dsm, platform);
        try {
            s.openManager();
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    TwainState state() {
        return state;
    }

    String sourceName() {
        return sourceName;
    }

    boolean callbackRegistered() {
        return callbackRegistered;
    }

    DsmMemory memory() {
        return memory;
    }

    // ------------------------------------------------------------------ state 2 <-> 3

    private void openManager() {
        int rc = call(null, TwainConstants.DG_CONTROL, TwainConstants.DAT_PARENT, TwainConstants.MSG_OPENDSM,
                platform.parent());
        if (rc != TwainConstants.TWRC_SUCCESS) {
            int cc = managerStatus();
            throw new ScanException(ScanError.DRIVER_UNAVAILABLE, "The TWAIN Data Source Manager could not be opened"
                    + (cc == ConditionCodes.TWCC_SUCCESS || cc == ConditionCodes.TWCC_SEQERROR
                    ? " (it is still open from an earlier scan that did not end: restart the station)."
                    : ": " + ConditionCodes.describe(cc)));
        }
        app.read();
        state = TwainState.MANAGER_OPEN;
        TwainStructs.TwEntryPoint entry = new TwainStructs.TwEntryPoint();
        entry.Size = entry.size();
        entry.write();
        rc = call(null, TwainConstants.DG_CONTROL, TwainConstants.DAT_ENTRYPOINT, TwainConstants.MSG_GET, entry.getPointer());
        entry.read();
        if (rc != TwainConstants.TWRC_SUCCESS || (app.SupportedGroups & TwainConstants.DF_DSM2) == 0) {
            throw new ScanException(ScanError.DRIVER_UNAVAILABLE, "The TWAIN Data Source Manager is older than TWAIN 2"
                    + " (it gives no memory functions). Install TWAINDSM 2.x from twain.org.");
        }
        memory = new DsmMemory(entry);
    }

    /** The data sources (scanner drivers) the manager finds. */
    List<Source> sources() {
        requireState(TwainState.MANAGER_OPEN);
        List<Source> out = new ArrayList<>();
        TwainStructs.TwIdentity id = new TwainStructs.TwIdentity();
        id.write();
        int rc = call(null, TwainConstants.DG_CONTROL, TwainConstants.DAT_IDENTITY, TwainConstants.MSG_GETFIRST, id.getPointer());
        while (rc == TwainConstants.TWRC_SUCCESS) {
            id.read();
            out.add(new Source(id.productName(), id.manufacturer(), id.productFamily()));
            id = new TwainStructs.TwIdentity();
            id.write();
            rc = call(null, TwainConstants.DG_CONTROL, TwainConstants.DAT_IDENTITY, TwainConstants.MSG_GETNEXT, id.getPointer());
        }
        if (rc == TwainConstants.TWRC_FAILURE) {
            int cc = managerStatus();
            if (cc != ConditionCodes.TWCC_NODS && out.isEmpty()) {
                throw ConditionCodes.exception("listing the TWAIN scanners", cc);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ state 3 <-> 4

    /** Opens the source whose product name is {@code productName} (exact, else ignoring case and spaces). */
    void openSource(String productName) {
        requireState(TwainState.MANAGER_OPEN);
        List<Source> all = sources();
        Source match = all.stream().filter(s -> s.productName().equals(productName)).findFirst()
                .or(() -> all.stream().filter(s -> normal(s.productName()).equals(normal(productName))).findFirst())
                .orElseThrow(() -> new ScanException(ScanError.DEVICE_NOT_FOUND, "There is no TWAIN scanner called '"
                        + productName + "'" + (all.isEmpty() ? " (no TWAIN scanner is installed)."
                        : ". The TWAIN scanners here are: " + String.join(", ", all.stream().map(Source::productName).toList())
                        + ".") + " " + ScanError.DEVICE_NOT_FOUND.advice()));
        TwainStructs.TwIdentity id = new TwainStructs.TwIdentity();
        id.setProductName(match.productName());
        id.write();
        int rc = call(null, TwainConstants.DG_CONTROL, TwainConstants.DAT_IDENTITY, TwainConstants.MSG_OPENDS, id.getPointer());
        if (rc == TwainConstants.TWRC_BUSY || rc == TwainConstants.TWRC_SCANNERLOCKED) {
            throw ConditionCodes.busy("opening " + match.productName(), rc == TwainConstants.TWRC_SCANNERLOCKED);
        }
        if (rc != TwainConstants.TWRC_SUCCESS) {
            int cc = managerStatus();
            throw ConditionCodes.exception("opening " + match.productName(),
                    cc == ConditionCodes.TWCC_SUCCESS ? ConditionCodes.TWCC_BUMMER : cc);
        }
        id.read();
        source = id;
        sourceName = match.productName();
        state = TwainState.SOURCE_OPEN;
        registerCallback();
    }

    private static String normal(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Registers the TWAIN 2 callback; without one, events are polled with {@code DAT_EVENT}. */
    private void registerCallback() {
        if (Platform.isWindows()) {
            DsmLibrary.WindowsEventCallback cb = (origin, dest, dg, dat, msg, data) -> onEvent(msg);
            callback = cb;
        } else {
            DsmLibrary.EventCallback cb = (origin, dest, dg, dat, msg, data) -> onEvent(msg);
            callback = cb;
        }
        callbackStruct = new TwainStructs.TwCallback();
        callbackStruct.CallBackProc = CallbackReference.getFunctionPointer(callback);
        callbackStruct.write();
        int rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_CALLBACK,
                TwainConstants.MSG_REGISTER_CALLBACK, callbackStruct.getPointer());
        callbackRegistered = rc == TwainConstants.TWRC_SUCCESS;
        if (!callbackRegistered) {
            LOG.fine(() -> "TWAIN source " + sourceName + " takes no callback: polling DAT_EVENT");
        }
    }

    private short onEvent(short msg) {
        events.add(msg);
        return TwainConstants.TWRC_SUCCESS;
    }

    // ------------------------------------------------------------------ capabilities (state 4)

    /** The capability's container ({@code MSG_GET}, {@code MSG_GETCURRENT}, ...), empty when the source does not have it. */
    Optional<Container> capability(int cap, short msg) {
        requireState(TwainState.SOURCE_OPEN);
        TwainStructs.TwCapability c = new TwainStructs.TwCapability();
        c.Cap = (short) cap;
        c.ConType = (short) TwainConstants.TWON_DONTCARE16;
        c.write();
        int rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_CAPABILITY, msg, c.getPointer());
        c.read();
        if (rc != TwainConstants.TWRC_SUCCESS) {
            int cc = sourceStatus();
            if (ConditionCodes.errorOf(cc) == ScanError.UNSUPPORTED_OPTION || cc == ConditionCodes.TWCC_BADPROTOCOL
                    || cc == ConditionCodes.TWCC_SEQERROR || cc == ConditionCodes.TWCC_BUMMER) {
                return Optional.empty();
            }
            throw ConditionCodes.exception("reading " + CapabilityNames.of(cap), cc);
        }
        if (c.hContainer == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(readContainer(c.hContainer, c.ConType & 0xFFFF));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.FINE, "unreadable container for " + CapabilityNames.of(cap), e);
            return Optional.empty();
        } finally {
            memory.free(c.hContainer);
        }
    }

    private Container readContainer(Pointer handle, int conType) {
        Pointer p = memory.lock(handle);
        try {
            int head = switch (conType) {
                case TwainConstants.TWON_RANGE -> 22;
                case TwainConstants.TWON_ENUMERATION -> 14;
                default -> 6;
            };
            int total = codec.byteLength(conType, ByteBuffer.wrap(p.getByteArray(0, head)));
            return codec.decode(conType, ByteBuffer.wrap(p.getByteArray(0, total)));
        } finally {
            memory.unlock(handle);
        }
    }

    /** Sets a capability ({@code MSG_SET}) to {@code value}. */
    SetResult setCapability(int cap, Container value) {
        requireState(TwainState.SOURCE_OPEN);
        Pointer handle = memory.allocate(codec.encode(value));
        int rc;
        try {
            TwainStructs.TwCapability c = new TwainStructs.TwCapability();
            c.Cap = (short) cap;
            c.ConType = (short) ContainerCodec.conType(value);
            c.hContainer = handle;
            c.write();
            rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_CAPABILITY, TwainConstants.MSG_SET, c.getPointer());
        } finally {
            memory.free(handle);
        }
        if (rc == TwainConstants.TWRC_SUCCESS) {
            return new SetResult(SetResult.Outcome.ACCEPTED, 0);
        }
        if (rc == TwainConstants.TWRC_CHECKSTATUS) {
            return new SetResult(SetResult.Outcome.CHANGED, 0);
        }
        int cc = sourceStatus();
        boolean unsupported = cc == ConditionCodes.TWCC_CAPUNSUPPORTED || cc == ConditionCodes.TWCC_BADCAP;
        return new SetResult(unsupported ? SetResult.Outcome.UNSUPPORTED : SetResult.Outcome.REFUSED, cc);
    }

    /** Sets the frame to scan ({@code DG_IMAGE/DAT_IMAGELAYOUT/MSG_SET}), in the current units. */
    SetResult setLayout(Frame frame) {
        requireState(TwainState.SOURCE_OPEN);
        TwainStructs.TwImageLayout layout = new TwainStructs.TwImageLayout();
        layout.Left = Fix32.pack(frame.left());
        layout.Top = Fix32.pack(frame.top());
        layout.Right = Fix32.pack(frame.right());
        layout.Bottom = Fix32.pack(frame.bottom());
        layout.DocumentNumber = -1;
        layout.PageNumber = -1;
        layout.FrameNumber = -1;
        layout.write();
        int rc = call(source, TwainConstants.DG_IMAGE, TwainConstants.DAT_IMAGELAYOUT, TwainConstants.MSG_SET,
                layout.getPointer());
        if (rc == TwainConstants.TWRC_SUCCESS) {
            return new SetResult(SetResult.Outcome.ACCEPTED, 0);
        }
        if (rc == TwainConstants.TWRC_CHECKSTATUS) {
            return new SetResult(SetResult.Outcome.CHANGED, 0);
        }
        return new SetResult(SetResult.Outcome.REFUSED, sourceStatus());
    }

    // ------------------------------------------------------------------ state 4 <-> 5 <-> 6

    /** Enables the source with its own window off (state 5); a source may say at once that a page is ready. */
    void enable() {
        requireState(TwainState.SOURCE_OPEN);
        events.clear();
        TwainStructs.TwUserInterface ui = userInterface();
        int rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_USERINTERFACE, TwainConstants.MSG_ENABLEDS,
                ui.getPointer());
        if (rc == TwainConstants.TWRC_BUSY || rc == TwainConstants.TWRC_SCANNERLOCKED) {
            throw ConditionCodes.busy("starting the scan", rc == TwainConstants.TWRC_SCANNERLOCKED);
        }
        if (rc != TwainConstants.TWRC_SUCCESS && rc != TwainConstants.TWRC_CHECKSTATUS) {
            throw ConditionCodes.exception("starting the scan", sourceStatus());
        }
        state = TwainState.SOURCE_ENABLED;
    }

    private TwainStructs.TwUserInterface userInterface() {
        TwainStructs.TwUserInterface ui = new TwainStructs.TwUserInterface();
        ui.ShowUI = 0;
        ui.ModalUI = 0;
        ui.hParent = platform.window();
        ui.write();
        return ui;
    }

    /**
     * Waits for the source to say a page is ready ({@code MSG_XFERREADY}, state 6) or that it wants to
     * be closed ({@code MSG_CLOSEDSREQ}); returns empty when {@code stop} says so first.
     */
    Optional<SourceEvent> awaitEvent(java.util.function.BooleanSupplier stop) throws InterruptedException {
        requireState(TwainState.SOURCE_ENABLED);
        while (true) {
            Optional<SourceEvent> e = takeEvent();
            if (e.isPresent()) {
                return e;
            }
            pumpOnce();
            e = takeEvent();
            if (e.isPresent()) {
                return e;
            }
            if (stop.getAsBoolean()) {
                return Optional.empty();
            }
            Thread.sleep(10);
        }
    }

    /** True when the source asked to be closed since the last look (e.g. its own cancel button). */
    boolean closeRequested() {
        pumpOnce();
        return events.stream().anyMatch(m -> m == TwainConstants.MSG_CLOSEDSREQ || m == TwainConstants.MSG_CLOSEDSOK);
    }

    private Optional<SourceEvent> takeEvent() {
        Short m;
        while ((m = events.poll()) != null) {
            if (m == TwainConstants.MSG_XFERREADY) {
                state = TwainState.TRANSFER_READY;
                return Optional.of(SourceEvent.TRANSFER_READY);
            }
            if (m == TwainConstants.MSG_CLOSEDSREQ || m == TwainConstants.MSG_CLOSEDSOK) {
                return Optional.of(SourceEvent.CLOSE_REQUESTED);
            }
            // MSG_DEVICEEVENT and others: nothing to do
        }
        return Optional.empty();
    }

    /** Windows: pumps the thread's messages through the source. Elsewhere, without a callback: polls DAT_EVENT. */
    private void pumpOnce() {
        if (!state.atLeast(TwainState.SOURCE_ENABLED)) {
            return;
        }
        if (Platform.isWindows()) {
            platform.pump(this::processEvent);
        } else if (!callbackRegistered) {
            processEvent(noMessage);
        }
    }

    private boolean processEvent(Pointer message) {
        TwainStructs.TwEvent ev = new TwainStructs.TwEvent();
        ev.pEvent = message;
        ev.TWMessage = TwainConstants.MSG_NULL;
        ev.write();
        int rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_EVENT, TwainConstants.MSG_PROCESSEVENT,
                ev.getPointer());
        ev.read();
        if (ev.TWMessage != TwainConstants.MSG_NULL) {
            events.add(ev.TWMessage);
        }
        return rc == TwainConstants.TWRC_DSEVENT;
    }

    // ------------------------------------------------------------------ transfers (state 6 <-> 7)

    ImageInfo imageInfo() {
        requireState(TwainState.TRANSFER_READY);
        TwainStructs.TwImageInfo info = new TwainStructs.TwImageInfo();
        info.write();
        int rc = call(source, TwainConstants.DG_IMAGE, TwainConstants.DAT_IMAGEINFO, TwainConstants.MSG_GET, info.getPointer());
        if (rc != TwainConstants.TWRC_SUCCESS) {
            throw ConditionCodes.exception("reading the page's size", sourceStatus());
        }
        info.read();
        return new ImageInfo(Fix32.unpack(info.XResolution), Fix32.unpack(info.YResolution), info.ImageWidth,
                info.ImageLength, info.SamplesPerPixel, info.BitsPerPixel, info.PixelType & 0xFFFF,
                info.Compression & 0xFFFF);
    }

    /** A native transfer: the whole page in one handle (a DIB on Windows, a TIFF on Linux). */
    NativeResult nativeTransfer() {
        requireState(TwainState.TRANSFER_READY);
        try (Memory out = new Memory(Native.POINTER_SIZE)) {
            out.clear();
            int rc = call(source, TwainConstants.DG_IMAGE, TwainConstants.DAT_IMAGENATIVEXFER, TwainConstants.MSG_GET, out);
            if (rc == TwainConstants.TWRC_XFERDONE || rc == TwainConstants.TWRC_CANCEL) {
                state = TwainState.TRANSFERRING;
            }
            return new NativeResult(rc, out.getPointer(0));
        }
    }

    TwainStructs.TwSetupMemXfer setupMemoryTransfer() {
        TwainStructs.TwSetupMemXfer setup = new TwainStructs.TwSetupMemXfer();
        setup.write();
        int rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_SETUPMEMXFER, TwainConstants.MSG_GET,
                setup.getPointer());
        if (rc != TwainConstants.TWRC_SUCCESS) {
            throw ConditionCodes.exception("preparing the memory transfer", sourceStatus());
        }
        setup.read();
        return setup;
    }

    /** One strip of a memory transfer into {@code strip}'s buffer; returns the return code. */
    int memoryStrip(TwainStructs.TwImageMemXfer strip) {
        if (!state.atLeast(TwainState.TRANSFER_READY)) {
            throw new IllegalStateException("TWAIN memory transfer in state " + state.number());
        }
        strip.write();
        int rc = call(source, TwainConstants.DG_IMAGE, TwainConstants.DAT_IMAGEMEMXFER, TwainConstants.MSG_GET,
                strip.getPointer());
        strip.read();
        if (rc == TwainConstants.TWRC_SUCCESS || rc == TwainConstants.TWRC_XFERDONE || rc == TwainConstants.TWRC_CANCEL) {
            state = TwainState.TRANSFERRING;
        }
        return rc;
    }

    /** Ends the transfer ({@code MSG_ENDXFER}); returns the pending count (0xFFFF: more, number unknown). */
    int endTransfer() {
        TwainStructs.TwPendingXfers pending = new TwainStructs.TwPendingXfers();
        pending.write();
        int rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_PENDINGXFERS, TwainConstants.MSG_ENDXFER,
                pending.getPointer());
        if (rc != TwainConstants.TWRC_SUCCESS) {
            int cc = sourceStatus();
            // the source stays where it was; the caller resets the pending transfers
            throw ConditionCodes.exception("finishing the page", cc);
        }
        pending.read();
        int count = pending.Count & 0xFFFF;
        state = count == 0 ? TwainState.SOURCE_ENABLED : TwainState.TRANSFER_READY;
        return count;
    }

    /** Drops the pages the source still holds ({@code MSG_RESET}): back to state 5. */
    void resetTransfers() {
        TwainStructs.TwPendingXfers pending = new TwainStructs.TwPendingXfers();
        pending.write();
        int rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_PENDINGXFERS, TwainConstants.MSG_RESET,
                pending.getPointer());
        if (rc != TwainConstants.TWRC_SUCCESS) {
            LOG.fine(() -> "TWAIN MSG_RESET failed, condition " + sourceStatus());
        }
        state = TwainState.SOURCE_ENABLED;
    }

    void disable() {
        requireState(TwainState.SOURCE_ENABLED);
        int rc = call(source, TwainConstants.DG_CONTROL, TwainConstants.DAT_USERINTERFACE, TwainConstants.MSG_DISABLEDS,
                userInterface().getPointer());
        if (rc != TwainConstants.TWRC_SUCCESS) {
            LOG.fine(() -> "TWAIN MSG_DISABLEDS failed, condition " + sourceStatus());
        }
        state = TwainState.SOURCE_OPEN;
        events.clear();
    }

    void closeSource() {
        requireState(TwainState.SOURCE_OPEN);
        int rc = call(null, TwainConstants.DG_CONTROL, TwainConstants.DAT_IDENTITY, TwainConstants.MSG_CLOSEDS,
                source.getPointer());
        if (rc != TwainConstants.TWRC_SUCCESS) {
            LOG.fine(() -> "TWAIN MSG_CLOSEDS failed, condition " + managerStatus());
        }
        state = TwainState.MANAGER_OPEN;
        source = null;
        callbackRegistered = false;
    }

    /** Walks back to state 2 from any state, whatever fails on the way; safe to call twice. */
    @Override
    public void close() {
        step(TwainState.TRANSFERRING, () -> {
            try {
                endTransfer();
            } catch (ScanException e) {
                state = TwainState.TRANSFER_READY;
            }
        });
        step(TwainState.TRANSFER_READY, this::resetTransfers);
        step(TwainState.SOURCE_ENABLED, this::disable);
        step(TwainState.SOURCE_OPEN, this::closeSource);
        step(TwainState.MANAGER_OPEN, () -> {
            int rc = call(null, TwainConstants.DG_CONTROL, TwainConstants.DAT_PARENT, TwainConstants.MSG_CLOSEDSM,
                    platform.parent());
            if (rc != TwainConstants.TWRC_SUCCESS) {
                LOG.fine("TWAIN MSG_CLOSEDSM failed");
            }
            state = TwainState.MANAGER_LOADED;
        });
        noMessage.close();
    }

    private void step(TwainState when, Runnable action) {
        if (state == when) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "TWAIN close step in state " + when.number() + " failed", e);
            }
            if (state == when) {
                // a step that failed outright: consider the state left anyway, the next one may still clean up
                state = TwainState.values()[when.ordinal() - 1];
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** The condition code of the source's last failure. */
    int sourceStatus() {
        return status(source);
    }

    private int managerStatus() {
        return status(null);
    }

    private int status(TwainStructs.TwIdentity dest) {
        TwainStructs.TwStatus st = new TwainStructs.TwStatus();
        st.write();
        int rc = call(dest, TwainConstants.DG_CONTROL, TwainConstants.DAT_STATUS, TwainConstants.MSG_GET, st.getPointer());
        if (rc != TwainConstants.TWRC_SUCCESS) {
            return ConditionCodes.TWCC_BUMMER;
        }
        st.read();
        return st.ConditionCode & 0xFFFF;
    }

    private void requireState(TwainState wanted) {
        if (state != wanted) {
            throw new IllegalStateException("TWAIN call needs state " + wanted.number() + ", session is in state "
                    + state.number());
        }
    }

    private int call(TwainStructs.TwIdentity dest, int dg, short dat, short msg, Pointer data) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("TWAIN call from " + Thread.currentThread().getName()
                    + ", not from the session's thread " + owner.getName());
        }
        short rc = dsm.DSM_Entry(app.getPointer(), dest == null ? null : dest.getPointer(), dg, dat, msg, data);
        return rc & 0xFFFF;
    }
}
