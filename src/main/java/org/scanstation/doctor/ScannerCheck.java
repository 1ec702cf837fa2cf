package org.scanstation.doctor;

import java.util.ArrayList;
import java.util.List;
import org.scanstation.scan.DeviceListing;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanDrivers;

/** Asks every scanner driver for its devices: which answer, and what the others said. */
public final class ScannerCheck implements Check {

    static final String NAME = "Scanners";

    private final ScanDrivers.Settings settings;

    public ScannerCheck(ScanDrivers.Settings settings) {
        this.settings = settings;
    }

    @Override
    public CheckResult run() {
        DeviceListing listing;
        try {
            listing = ScanDrivers.controller(settings).listDevices();
        } catch (RuntimeException e) {
            return CheckResult.of(NAME, CheckStatus.FAIL, "the scanner drivers could not be asked: " + e.getMessage());
        }
        List<String> details = new ArrayList<>();
        for (ScanDevice d : listing.devices()) {
            details.add("found: " + d.name() + " <" + d.uri() + "> (" + d.driver() + ")");
        }
        for (DeviceListing.DriverNote note : listing.notes()) {
            details.add(note.driver() + ": " + note.message());
        }
        List<ScanDevice> real = listing.devices().stream().filter(d -> !d.driver().equals("demo")).toList();
        if (real.isEmpty()) {
            return new CheckResult(NAME, CheckStatus.WARN, "no scanner answered (only the demo scanner and folder import"
                    + " are available): check the scanner is on and its driver (SANE, eSCL, TWAIN) is installed", details);
        }
        return new CheckResult(NAME, CheckStatus.OK, real.size() + " scanner(s) answered", details);
    }
}
