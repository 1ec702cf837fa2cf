package org.scanstation.doctor;

import java.util.ArrayList;
import java.util.List;
import org.scanstation.scan.DeviceListing;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanDrivers;
import org.scanstation.scan.ScanException;

/**
 * Asks every scanner driver for its devices: which answer, and what the others said. Each scanner
 * found is opened and its capabilities read (for a TWAIN scanner: its driver opened through the
 * TWAIN Data Source Manager with its own window off, negotiated, closed), so a scanner that is listed
 * but cannot be used shows here with the reason.
 */
public final class ScannerCheck implements Check {

    static final String NAME = "Scanners";

    private final ScanDrivers.Settings settings;

    public ScannerCheck(ScanDrivers.Settings settings) {
        this.settings = settings;
    }

    @Override
    public CheckResult run() {
        ScanController controller;
        DeviceListing listing;
        try {
            controller = ScanDrivers.controller(settings);
            listing = controller.listDevices();
        } catch (RuntimeException e) {
            return CheckResult.of(NAME, CheckStatus.FAIL, "the scanner drivers could not be asked: " + e.getMessage());
        }
        List<String> details = new ArrayList<>();
        List<ScanDevice> unusable = new ArrayList<>();
        for (ScanDevice d : listing.devices()) {
            details.add("found: " + d.name() + " <" + d.uri() + "> (" + d.driver() + ")");
            if (d.driver().equals("demo")) {
                continue;
            }
            try {
                details.add("    opens; can scan " + controller.capabilities(d.uri()).summary());
            } catch (ScanException e) {
                unusable.add(d);
                details.add("    does not open: " + e.getMessage());
            }
        }
        for (DeviceListing.DriverNote note : listing.notes()) {
            details.add(note.driver() + ": " + note.message());
        }
        List<ScanDevice> real = listing.devices().stream().filter(d -> !d.driver().equals("demo")).toList();
        if (real.isEmpty()) {
            return new CheckResult(NAME, CheckStatus.WARN, "no scanner answered (only the demo scanner and folder import"
                    + " are available): check the scanner is on and its driver (SANE, eSCL, TWAIN) is installed", details);
        }
        if (!unusable.isEmpty()) {
            return new CheckResult(NAME, CheckStatus.WARN, real.size() + " scanner(s) answered, " + unusable.size()
                    + " of them could not be opened (see below)", details);
        }
        return new CheckResult(NAME, CheckStatus.OK, real.size() + " scanner(s) answered and opened", details);
    }
}
