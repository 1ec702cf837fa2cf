package org.scanstation;

import org.scanstation.cli.ScanStationCli;
import org.scanstation.logging.LogSetup;

/**
 * The jar's entry point. With a command it runs the command line and loads no JavaFX class, so it
 * works on a machine with no display; with no arguments it opens the station's window.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        LogSetup.install();
        System.exit(ScanStationCli.run(args));
    }
}
