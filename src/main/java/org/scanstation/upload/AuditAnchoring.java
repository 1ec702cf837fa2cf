package org.scanstation.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scanstation.store.AuditAnchor;
import org.scanstation.store.AuditTrail;
import org.scanstation.store.BatchStore;

/**
 * Keeps the head of the store's audit trail outside the clerk's reach: with each upload run, the
 * records added since the last anchor are hashed into an {@link AuditAnchor} and filed in the EDMS as
 * {@code ROOT/audit-trail/STORE-ID/audit-anchor-STORE-ID-COUNT.json} (no patient data: hashes, counts,
 * the store's random id, a time). {@code audit --verify} reads them back ({@link #anchors(String)}).
 * An anchor is sent only when the trail grew by more than the record of the previous anchor, so an
 * idle queue does not file one per poll.
 */
public final class AuditAnchoring {

    /** The folder, under the upload's folder root, that holds one sub-folder of anchors per store. */
    public static final String FOLDER = "audit-trail";
    private static final int MAX_ANCHOR_BYTES = 16 * 1024 * 1024;

    /** The anchors the EDMS holds for a store, and the documents there that are not readable anchors. */
    public record Anchors(List<AuditAnchor> anchors, List<String> unreadable) {
        public Anchors {
            anchors = List.copyOf(anchors);
            unreadable = List.copyOf(unreadable);
        }
    }

    private final EdmsClient client;
    private final List<String> folderRoot;

    public AuditAnchoring(EdmsClient client, List<String> folderRoot) {
        this.client = client;
        this.folderRoot = List.copyOf(folderRoot);
    }

    /**
     * Files the trail's head in the EDMS when it grew since the last anchor, then records that in the
     * trail.
     *
     * @return a conflict in words when the EDMS already holds a different anchor for the same count
     *         (the trail was rewritten, or the anchor replaced); empty when anchored or nothing to do
     */
    public Optional<String> anchor(BatchStore store) throws EdmsException, IOException {
        AuditTrail trail = store.audit();
        Optional<AuditAnchor> pending = trail.pendingAnchor();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        AuditAnchor anchor = pending.get();
        String folder = client.ensureFolder(folderOf(trail.storeId()));
        EdmsDocument doc = client.createFile(folder, anchor.fileName(), "application/json", anchor.toJson(),
                "ScanStation audit trail anchor: " + anchor.count() + " records of store " + anchor.store());
        if (doc.existed()) {
            Optional<AuditAnchor> there = read(doc);
            if (there.isEmpty() || !there.get().head().equals(anchor.head())) {
                return Optional.of("the EDMS already holds " + anchor.fileName() + " for " + anchor.count()
                        + " records of this store's audit trail, with another hash: the trail here was rewritten,"
                        + " or that anchor was replaced. Run: scanstation audit --verify");
            }
        }
        trail.anchored(anchor, doc.objectId(), store.actor());
        return Optional.empty();
    }

    /** Every anchor of the store {@code storeId} the EDMS holds. */
    public Anchors anchors(String storeId) throws EdmsException {
        List<AuditAnchor> found = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (EdmsDocument d : client.documentsIn(folderOf(storeId))) {
            Optional<AuditAnchor> a = read(d);
            if (a.isPresent() && a.get().store().equals(storeId) && a.get().fileName().equals(d.name())) {
                found.add(a.get());
            } else {
                unreadable.add(d.name() + " (object " + d.objectId() + ") is in the anchors' folder but is not an"
                        + " anchor of this store");
            }
        }
        return new Anchors(found, unreadable);
    }

    private Optional<AuditAnchor> read(EdmsDocument d) throws EdmsException {
        if (d.contentLength() > MAX_ANCHOR_BYTES) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.download(d.objectId(), out);
        try {
            return Optional.of(AuditAnchor.parse(out.toByteArray()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private List<String> folderOf(String storeId) {
        List<String> path = new ArrayList<>(folderRoot);
        path.add(FOLDER);
        path.add(storeId);
        return path;
    }
}
