package org.scanstation.export;

import java.time.ZonedDateTime;

/** Who scanned a batch, where and when: goes into each PDF's metadata and the manifest. */
public record BatchInfo(String batchId, String stationId, String operator, ZonedDateTime scanDate) {
}
