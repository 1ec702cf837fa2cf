package org.scanstation.store;

/**
 * What {@link BatchStore#open} repaired after an unclean stop: temporary files of writes that never
 * completed, files written but never recorded in a journal, torn last journal records, and batch
 * folders whose creation never completed. All of these are work that was not acknowledged, so the
 * caller redoes it; none of them is trusted.
 */
public record RecoveryReport(int temporaryFilesRemoved, int unrecordedFilesRemoved, int tornRecordsDropped,
                             int incompleteBatchesRemoved) {

    public boolean cleanStart() {
        return temporaryFilesRemoved == 0 && unrecordedFilesRemoved == 0 && tornRecordsDropped == 0
                && incompleteBatchesRemoved == 0;
    }
}
