package org.scanstation.scan.driver.twain;

import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/**
 * TWAIN condition codes ({@code TWCC_*}, read with {@code DAT_STATUS} after a failure) and return
 * codes that say the device is busy, turned into the station's errors with sentences a clerk
 * understands.
 */
final class ConditionCodes {

    static final int TWCC_SUCCESS = 0;
    static final int TWCC_BUMMER = 1;
    static final int TWCC_LOWMEMORY = 2;
    static final int TWCC_NODS = 3;
    static final int TWCC_MAXCONNECTIONS = 4;
    static final int TWCC_OPERATIONERROR = 5;
    static final int TWCC_BADCAP = 6;
    static final int TWCC_BADPROTOCOL = 9;
    static final int TWCC_BADVALUE = 10;
    static final int TWCC_SEQERROR = 11;
    static final int TWCC_BADDEST = 12;
    static final int TWCC_CAPUNSUPPORTED = 13;
    static final int TWCC_CAPBADOPERATION = 14;
    static final int TWCC_CAPSEQERROR = 15;
    static final int TWCC_DENIED = 16;
    static final int TWCC_FILEEXISTS = 17;
    static final int TWCC_FILENOTFOUND = 18;
    static final int TWCC_NOTEMPTY = 19;
    static final int TWCC_PAPERJAM = 20;
    static final int TWCC_PAPERDOUBLEFEED = 21;
    static final int TWCC_FILEWRITEERROR = 22;
    static final int TWCC_CHECKDEVICEONLINE = 23;
    static final int TWCC_INTERLOCK = 24;
    static final int TWCC_DAMAGEDCORNER = 25;
    static final int TWCC_FOCUSERROR = 26;
    static final int TWCC_DOCTOOLIGHT = 27;
    static final int TWCC_DOCTOODARK = 28;
    static final int TWCC_NOMEDIA = 29;

    private ConditionCodes() {
    }

    /** The station's kind of error for a condition code. */
    static ScanError errorOf(int conditionCode) {
        return switch (conditionCode) {
            case TWCC_PAPERJAM, TWCC_PAPERDOUBLEFEED, TWCC_DAMAGEDCORNER -> ScanError.PAPER_JAM;
            case TWCC_NOMEDIA -> ScanError.NO_DOCUMENTS;
            case TWCC_INTERLOCK -> ScanError.COVER_OPEN;
            case TWCC_MAXCONNECTIONS -> ScanError.DEVICE_BUSY;
            case TWCC_CHECKDEVICEONLINE -> ScanError.CONNECTION_LOST;
            case TWCC_NODS -> ScanError.DEVICE_NOT_FOUND;
            case TWCC_DENIED -> ScanError.ACCESS_DENIED;
            case TWCC_BADCAP, TWCC_BADVALUE, TWCC_CAPUNSUPPORTED, TWCC_CAPBADOPERATION, TWCC_CAPSEQERROR ->
                    ScanError.UNSUPPORTED_OPTION;
            default -> ScanError.DEVICE_ERROR;
        };
    }

    /** What happened, in words, for a condition code (without the advice). */
    static String describe(int conditionCode) {
        return switch (conditionCode) {
            case TWCC_PAPERJAM -> "The paper jammed in the scanner.";
            case TWCC_PAPERDOUBLEFEED -> "The scanner pulled in two sheets at once (double feed).";
            case TWCC_DAMAGEDCORNER -> "A sheet with a folded or torn corner stopped the scanner.";
            case TWCC_NOMEDIA -> "There is no paper in the scanner's feeder.";
            case TWCC_INTERLOCK -> "The scanner's cover or feeder door is open.";
            case TWCC_MAXCONNECTIONS -> "The scanner is in use by another program.";
            case TWCC_CHECKDEVICEONLINE -> "The scanner is switched off or not connected.";
            case TWCC_NODS -> "The scanner's TWAIN driver could not be found or loaded.";
            case TWCC_DENIED -> "The scanner's driver refused access.";
            case TWCC_LOWMEMORY -> "The scanner's driver ran out of memory.";
            case TWCC_FOCUSERROR -> "The scanner could not focus on the page.";
            case TWCC_DOCTOOLIGHT -> "The page is too light for the scanner to read.";
            case TWCC_DOCTOODARK -> "The page is too dark for the scanner to read.";
            case TWCC_BADCAP, TWCC_CAPUNSUPPORTED -> "The scanner does not have this setting.";
            case TWCC_BADVALUE -> "The scanner refused this value.";
            case TWCC_CAPBADOPERATION, TWCC_CAPSEQERROR -> "The scanner does not allow this setting to be changed now.";
            case TWCC_SEQERROR, TWCC_BADPROTOCOL, TWCC_BADDEST -> "The scanner's driver did not accept a request in this order.";
            case TWCC_FILEWRITEERROR, TWCC_FILEEXISTS, TWCC_FILENOTFOUND, TWCC_NOTEMPTY -> "The scanner's driver could not write its file.";
            case TWCC_OPERATIONERROR -> "The scanner's driver reported an operation error.";
            default -> "The scanner's driver reported an error (TWAIN condition code " + conditionCode + ").";
        };
    }

    /** A failure of {@code what} with {@code conditionCode}, as a sentence and the advice that goes with it. */
    static ScanException exception(String what, int conditionCode) {
        ScanError error = errorOf(conditionCode);
        return new ScanException(error, describe(conditionCode) + " (" + what + ") " + error.advice());
    }

    /** A {@code TWRC_BUSY} or {@code TWRC_SCANNERLOCKED} answer. */
    static ScanException busy(String what, boolean locked) {
        return new ScanException(ScanError.DEVICE_BUSY, (locked ? "The scanner is locked by another user or program."
                : "The scanner is busy.") + " (" + what + ") " + ScanError.DEVICE_BUSY.advice());
    }
}
