package org.scanstation.store;

/**
 * One page image kept in a batch (encrypted on disk); {@code purged} once its local copy is gone.
 *
 * @param dpi the scan's resolution as recorded when the page was stored, 0 when unknown
 */
public record StoredPage(int index, String sourceName, String mediaType, String sha256, long size, boolean purged,
                         int dpi) {
}
