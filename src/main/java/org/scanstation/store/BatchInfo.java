package org.scanstation.store;

import java.util.Map;

/**
 * Who scanned a batch, on which device, with which settings (for the audit trail). Settings are
 * scanner and pipeline settings (resolution, mode, profile name...), never patient data.
 *
 * @param origin what made the batch ({@link #STATION}, {@link #PROCESS}), so that each recovers only its
 *               own unfinished batches; null for batches made before it was recorded
 */
public record BatchInfo(String operator, String device, Map<String, String> settings, String origin) {

    /** A batch the station scans into (its open batch until it is filed). */
    public static final String STATION = "station";
    /** A batch made by the {@code process} command from files. */
    public static final String PROCESS = "process";

    public BatchInfo {
        operator = operator == null ? "" : operator;
        device = device == null ? "" : device;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public BatchInfo(String operator, String device, Map<String, String> settings) {
        this(operator, device, settings, null);
    }
}
