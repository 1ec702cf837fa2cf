package org.scanstation.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scanstation.scan.DeviceListing;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanDrivers;
import org.scanstation.scan.ScanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code devices}: every scanner each driver can find, with its capabilities. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the scanners every driver finds (SANE, eSCL, TWAIN, demo), with their capabilities.")
final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sane", paramLabel = "HOST[:PORT]", split = ",",
            description = "saned servers to ask (default: the configured ones, else 127.0.0.1:6566).")
    List<String> saneServers;

    @Option(names = "--escl", paramLabel = "URI", split = ",",
            description = "eSCL scanners to ask, e.g. escl://192.0.2.10:80/eSCL.")
    List<String> esclScanners;

    @Override
    public Integer call() {
        ScanDrivers.Settings settings = ScannerSettings.fromConfiguration();
        if (saneServers != null) {
            settings = settings.withSaneServers(saneServers);
        }
        if (esclScanners != null) {
            settings = settings.withEsclScanners(esclScanners);
        }
        PrintWriter out = spec.commandLine().getOut();
        ScanController controller = ScanDrivers.controller(settings);
        DeviceListing listing = controller.listDevices();
        for (ScanDevice d : listing.devices()) {
            out.println(d.uri() + "  " + d.name());
            try {
                ScanCapabilities caps = controller.capabilities(d.uri());
                out.println("    " + caps.summary());
            } catch (ScanException e) {
                out.println("    capabilities unavailable: " + e.getMessage());
            }
        }
        for (DeviceListing.DriverNote note : listing.notes()) {
            out.println("(" + note.driver() + ": " + note.message() + ")");
        }
        out.println("Also: folder:/PATH imports image files; watch:/PATH watches a hot folder.");
        out.flush();
        return ExitCode.OK.code();
    }
}
