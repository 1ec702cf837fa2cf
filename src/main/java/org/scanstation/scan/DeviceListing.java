package org.scanstation.scan;

import java.util.List;

/**
 * What {@link ScanController#listDevices()} found: the devices, and per driver that could not look,
 * why (e.g. "the TWAIN Data Source Manager (TWAINDSM.dll) is not installed", "saned at 127.0.0.1:6566 did
 * not answer").
 */
public record DeviceListing(List<ScanDevice> devices, List<DriverNote> notes) {

    public DeviceListing {
        devices = List.copyOf(devices);
        notes = List.copyOf(notes);
    }

    /** A driver's remark about why it listed nothing (or not everything). */
    public record DriverNote(String driver, String message) {
    }
}
