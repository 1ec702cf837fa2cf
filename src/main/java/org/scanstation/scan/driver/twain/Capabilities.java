package org.scanstation.scan.driver.twain;

import java.util.Map;
import java.util.Optional;

/**
 * Capability negotiation on an open source (state 4): what a capability allows, what it is now, and
 * setting one value. A value is sent as the item type the source itself uses for that capability
 * (read with {@code MSG_GETCURRENT}), falling back to the type the specification gives.
 */
final class Capabilities {

    private static final Map<Integer, ItemType> SPEC_TYPES = Map.ofEntries(
            Map.entry(TwainConstants.CAP_XFERCOUNT, ItemType.INT16),
            Map.entry(TwainConstants.ICAP_COMPRESSION, ItemType.UINT16),
            Map.entry(TwainConstants.ICAP_PIXELTYPE, ItemType.UINT16),
            Map.entry(TwainConstants.ICAP_UNITS, ItemType.UINT16),
            Map.entry(TwainConstants.ICAP_XFERMECH, ItemType.UINT16),
            Map.entry(TwainConstants.CAP_FEEDERENABLED, ItemType.BOOL),
            Map.entry(TwainConstants.CAP_AUTOFEED, ItemType.BOOL),
            Map.entry(TwainConstants.CAP_INDICATORS, ItemType.BOOL),
            Map.entry(TwainConstants.CAP_DUPLEXENABLED, ItemType.BOOL),
            Map.entry(TwainConstants.ICAP_XRESOLUTION, ItemType.FIX32),
            Map.entry(TwainConstants.ICAP_YRESOLUTION, ItemType.FIX32),
            Map.entry(TwainConstants.ICAP_BITORDER, ItemType.UINT16),
            Map.entry(TwainConstants.ICAP_PIXELFLAVOR, ItemType.UINT16),
            Map.entry(TwainConstants.ICAP_SUPPORTEDSIZES, ItemType.UINT16),
            Map.entry(TwainConstants.ICAP_BITDEPTH, ItemType.UINT16),
            Map.entry(TwainConstants.ICAP_AUTODISCARDBLANKPAGES, ItemType.INT32));

    private final TwainSession session;

    Capabilities(TwainSession session) {
        this.session = session;
    }

    /** Every value the source allows, empty when it does not have the capability. */
    Optional<Container> get(int cap) {
        return session.capability(cap, TwainConstants.MSG_GET);
    }

    Optional<Container> current(int cap) {
        return session.capability(cap, TwainConstants.MSG_GETCURRENT);
    }

    Optional<Double> currentNumber(int cap) {
        return current(cap).flatMap(CapabilityValues::current);
    }

    /** Sets one value; {@link TwainSession.SetResult.Outcome#UNSUPPORTED} when the source lacks the capability. */
    TwainSession.SetResult set(int cap, Object value) {
        Optional<Container> now = current(cap);
        if (now.isEmpty()) {
            return new TwainSession.SetResult(TwainSession.SetResult.Outcome.UNSUPPORTED, ConditionCodes.TWCC_CAPUNSUPPORTED);
        }
        ItemType type = now.get().type();
        if (!(type.isInteger() || type == ItemType.FIX32)) {
            type = SPEC_TYPES.getOrDefault(cap, ItemType.UINT16);
        }
        Object item = type == ItemType.FIX32 ? (Object) ((Number) value).doubleValue() : (Object) longOf(value);
        return session.setCapability(cap, new Container.OneValue(type, item));
    }

    /**
     * Sets one value and says whether it is now in force (accepted, or changed by the source to
     * exactly this value).
     */
    boolean setAndConfirm(int cap, Object value) {
        TwainSession.SetResult r = set(cap, value);
        if (r.accepted()) {
            return true;
        }
        if (r.outcome() == TwainSession.SetResult.Outcome.UNSUPPORTED) {
            return false;
        }
        double wanted = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
        return currentNumber(cap).map(v -> Math.abs(v - wanted) < 1e-3).orElse(false);
    }

    /** Sets the frame to scan, in inches. */
    TwainSession.SetResult layout(Frame frame) {
        return session.setLayout(frame);
    }

    /** Puts a capability back to the source's default ({@code MSG_RESET}). */
    void reset(int cap) {
        session.capability(cap, TwainConstants.MSG_RESET);
    }

    private static long longOf(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Math.round(((Number) value).doubleValue());
    }
}
