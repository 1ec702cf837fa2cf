package org.scanstation;

import java.lang.reflect.InvocationTargetException;
import org.scanstation.cli.ScanStationCli;
import org.scanstation.files.NoPlaintextTempFiles;
import org.scanstation.image.ImageIoPlugins;
import org.scanstation.logging.LogSetup;
import org.scanstation.logging.Redactor;

/**
 * The jar's entry point. With a command it runs the command line and loads no JavaFX class, so it
 * works on a machine with no display; with no arguments it opens the station's window.
 */
public final class Launcher {

    /** Loaded by name so the command-line path never loads a JavaFX class. */
    private static final String APP = "org.scanstation.gui.StationApp";

    private Launcher() {
    }

    public static void main(String[] args) {
        NoPlaintextTempFiles.apply();
        LogSetup.install();
        ImageIoPlugins.install();
        if (args.length == 0) {
            // the same start-up check as every command: a malformed machine configuration stops the station
            int refused = ScanStationCli.checkConfiguration(new java.io.PrintWriter(System.err, true));
            if (refused != 0) {
                System.exit(refused);
            }
            openWindow(args);
            return;
        }
        System.exit(ScanStationCli.run(args));
    }

    private static void openWindow(String[] args) {
        try {
            Class.forName(APP).getMethod("launchApp", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.err.println("ScanStation cannot open its window: " + Redactor.mask(cause == null ? String.valueOf(e) : cause.getMessage())
                    + "\nIs a display available? The command line works without one: scanstation --help");
            System.exit(1);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("ScanStation cannot open its window (" + Redactor.mask(String.valueOf(e)) + "). The command line works: scanstation --help");
            System.exit(1);
        }
    }
}
