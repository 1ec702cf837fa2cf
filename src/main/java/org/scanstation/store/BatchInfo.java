package org.scanstation.store;

import java.util.Map;

/**
 * Who scanned a batch, on which device, with which settings (for the audit trail). Settings are
 * scanner and pipeline settings (resolution, mode, profile name...), never patient data.
 */
public record BatchInfo(String operator, String device, Map<String, String> settings) {

    public BatchInfo {
        operator = operator == null ? "" : operator;
        device = device == null ? "" : device;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
