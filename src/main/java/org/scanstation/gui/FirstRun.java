package org.scanstation.gui;

import org.scanstation.config.ConfigLoader;

/** What the window says when the station has no supervisor account: how IT makes the first one. */
public final class FirstRun {

    private FirstRun() {
    }

    public static String explanation() {
        return "No supervisor account is set up on this PC, so nobody can sign in to review documents or change"
                + " where patient data comes from or goes.\n\n"
                + "IT makes the first one (accounts are only ever read from IT's machine-wide file):\n"
                + "1. In a terminal, run:  scanstation account NAME --role supervisor\n"
                + "   It asks for the password twice and prints the account as a line of settings.\n"
                + "2. Add that line to \"users\" in " + ConfigLoader.machineFile() + "\n"
                + "   (owned by root or an administrator; a file the clerk could write is refused).\n"
                + "3. Start the station again.\n\n"
                + "Scanning and filing work without one; documents that need review wait until a supervisor signs in.";
    }
}
