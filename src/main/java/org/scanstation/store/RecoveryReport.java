package org.scanstation.store;

/**
 * What {@link BatchStore#open} repaired or set aside after an unclean stop or damage. Deleted are only
 * things that hold nothing acknowledged: temporary files of writes that never completed, files a
 * journal recorded and then retired (a purge that a crash interrupted), the torn last record of a
 * journal, and batch folders created and left with no data at all. Files a journal never recorded
 * and batches whose journal cannot be trusted are set aside in the {@link Quarantine}, never deleted.
 */
public record RecoveryReport(int temporaryFilesRemoved, int retiredFilesRemoved, int tornRecordsDropped,
                             int emptyBatchFoldersRemoved, int unrecordedFilesSetAside, int batchesQuarantined) {

    public boolean cleanStart() {
        return temporaryFilesRemoved == 0 && retiredFilesRemoved == 0 && tornRecordsDropped == 0
                && emptyBatchFoldersRemoved == 0 && unrecordedFilesSetAside == 0 && batchesQuarantined == 0;
    }
}
