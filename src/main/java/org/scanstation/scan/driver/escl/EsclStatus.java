package org.scanstation.scan.driver.escl;

import java.io.IOException;
import org.scanstation.scan.ScanError;
import org.w3c.dom.Element;

/** A {@code ScannerStatus} document: the scanner's state and its feeder's state. */
record EsclStatus(String state, String adfState) {

    static EsclStatus parse(byte[] xml) throws IOException {
        Element root = EsclXml.parse(xml);
        return new EsclStatus(nullToEmpty(EsclXml.text(root, "State")), nullToEmpty(EsclXml.text(root, "AdfState")));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The error the feeder state stands for, or null when it does not stand in the way of scanning. */
    ScanError feederProblem() {
        return switch (adfState) {
            case "ScannerAdfEmpty" -> ScanError.NO_DOCUMENTS;
            case "ScannerAdfJam", "ScannerAdfMispick", "ScannerAdfMultipickDetected" -> ScanError.PAPER_JAM;
            case "ScannerAdfDoorOpen", "ScannerAdfHatchOpen" -> ScanError.COVER_OPEN;
            default -> null;
        };
    }

    boolean busy() {
        return state.equals("Processing") || state.equals("Testing");
    }
}
