package org.scanstation.scan;

/** The kinds of scan failure a clerk must be able to tell apart, each with what to do about it. */
public enum ScanError {
    NO_DOCUMENTS("No paper in the document feeder. Load the pages and scan again."),
    PAPER_JAM("Paper jam in the scanner. Clear the jam, put the pages not yet scanned back in the feeder and scan again."),
    COVER_OPEN("The scanner's cover or feeder door is open. Close it and scan again."),
    DEVICE_BUSY("The scanner is busy (in use by another program or person). Wait a moment and scan again."),
    CONNECTION_LOST("The connection to the scanner was lost. Check the cable or network and that the scanner is on."),
    TIMED_OUT("The scanner stopped responding. Switch it off and on again if this repeats."),
    DEVICE_NOT_FOUND("The scanner was not found. Check that it is on and connected, then list the devices again."),
    UNSUPPORTED_OPTION("The scanner does not support the requested settings."),
    DRIVER_UNAVAILABLE("This kind of scanner cannot be used on this computer."),
    ACCESS_DENIED("Access to the scanner was refused."),
    INVALID_DEVICE("The device address is not valid."),
    DEVICE_ERROR("The scanner reported an error.");

    private final String advice;

    ScanError(String advice) {
        this.advice = advice;
    }

    /** A sentence for the clerk saying what happened and what to do. */
    public String advice() {
        return advice;
    }
}
