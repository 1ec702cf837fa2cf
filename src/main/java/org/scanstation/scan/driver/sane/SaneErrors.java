package org.scanstation.scan.driver.sane;

import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.scanstation.scan.ScanError;

/** Turns SANE status codes and network failures into the station's distinct, readable errors. */
final class SaneErrors {

    private SaneErrors() {
    }

    static org.scanstation.scan.ScanException from(SaneException e, SaneAddress where) {
        SaneStatus status = e.getStatus();
        if (status == null) {
            return new org.scanstation.scan.ScanException(ScanError.DEVICE_ERROR,
                    "The scanner " + where.device() + " reported: " + e.getMessage(), e);
        }
        ScanError kind = switch (status) {
            case STATUS_NO_DOCS -> ScanError.NO_DOCUMENTS;
            case STATUS_JAMMED -> ScanError.PAPER_JAM;
            case STATUS_COVER_OPEN -> ScanError.COVER_OPEN;
            case STATUS_DEVICE_BUSY -> ScanError.DEVICE_BUSY;
            case STATUS_ACCESS_DENIED -> ScanError.ACCESS_DENIED;
            case STATUS_UNSUPPORTED, STATUS_INVAL -> ScanError.UNSUPPORTED_OPTION;
            default -> ScanError.DEVICE_ERROR;
        };
        String detail = kind == ScanError.DEVICE_ERROR
                ? "The scanner " + where.device() + " reported " + describe(status) + ". " + kind.advice()
                : kind.advice();
        return new org.scanstation.scan.ScanException(kind, detail, e);
    }

    static org.scanstation.scan.ScanException from(IOException e, SaneAddress where, boolean connected) {
        String server = "saned at " + where.hostPort();
        if (e instanceof UnknownHostException) {
            return new org.scanstation.scan.ScanException(ScanError.DEVICE_NOT_FOUND,
                    "Unknown scanner host '" + where.host() + "'.", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new org.scanstation.scan.ScanException(ScanError.TIMED_OUT,
                    "The scanner server (" + server + ") stopped answering. " + ScanError.TIMED_OUT.advice(), e);
        }
        if (!connected || e instanceof ConnectException) {
            return new org.scanstation.scan.ScanException(ScanError.CONNECTION_LOST,
                    "Cannot connect to the scanner server (" + server + "): " + e.getMessage()
                            + ". Check that saned is running and allows this computer.", e);
        }
        return new org.scanstation.scan.ScanException(ScanError.CONNECTION_LOST,
                "The connection to the scanner server (" + server + ") was lost during the scan. "
                        + ScanError.CONNECTION_LOST.advice(), e);
    }

    private static String describe(SaneStatus status) {
        return switch (status) {
            case STATUS_IO_ERROR -> "an input/output error";
            case STATUS_NO_MEM -> "that it ran out of memory";
            case STATUS_CANCELLED -> "that the scan was cancelled";
            default -> status.name().toLowerCase().replace("status_", "status ");
        };
    }
}
