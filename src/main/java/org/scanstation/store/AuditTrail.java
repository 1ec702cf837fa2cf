package org.scanstation.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The append-only audit trail of the store: who scanned what, when, on which device with which
 * settings, the sha256 of every page image and PDF, every automatic and review decision with its
 * reasons, every upload with its EDMS object id. Each event is one encrypted, fsync'd record of an
 * {@link EncryptedLog}; nothing is ever rewritten. {@link #exportJson(OutputStream)} writes the
 * decrypted trail for an auditor.
 *
 * <p><b>Hash chain.</b> Every record carries its position ({@code seq}) and the SHA-256 of the record
 * before it ({@code prev}); the first record ({@code trail-started}) names the store's random id.
 * The head (count and hash of the last record) goes to the EDMS with each upload as an
 * {@link AuditAnchor}; {@link AuditVerification} compares the two.
 *
 * <p><b>Damage.</b> The trail is stored in segments: {@code audit/audit.log}, then
 * {@code audit/audit.1.log}, ... A damaged record is never dropped or cut off: when the live segment
 * cannot be read cleanly, it is left exactly as it is (and copied to the {@link Quarantine}), every
 * record that can still be read stays part of the trail, and the trail goes on in the next segment,
 * beginning with a {@code trail-continued} record that says what was wrong. A missing trail in a
 * store that holds data starts again the same way. Both stay visible to {@code audit --verify}.
 */
public final class AuditTrail {

    static final String STARTED = "trail-started";
    static final String CONTINUED = "trail-continued";
    static final String ANCHORED = "audit-anchored";
    static final String TORN = "torn-record-dropped";
    /** The {@code prev} of the first record. */
    static final String NO_PREVIOUS = "0".repeat(64);
    static final String UNREADABLE = "unreadable";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern SEGMENT = Pattern.compile("audit(?:\\.(\\d{1,6}))?\\.log");

    private final Path dir;
    private final AesGcmCipher cipher;
    private final Clock clock;
    private final List<AuditRecord> records = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private EncryptedLog live;
    private String storeId;

    private AuditTrail(Path dir, AesGcmCipher cipher, Clock clock) {
        this.dir = dir;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Opens the trail of the store at {@code root} (creating it for a new store).
     *
     * @param storeHasData true when the store already holds batches: a missing trail is then damage
     * @param actor        who is acting, for the records this open may have to write
     */
    static AuditTrail open(Path root, AesGcmCipher cipher, Clock clock, Quarantine quarantine, boolean storeHasData,
                           String actor) throws IOException {
        AuditTrail t = new AuditTrail(root.resolve("audit"), cipher, clock);
        t.load(root.resolve("store.id"), quarantine, storeHasData, actor);
        return t;
    }

    private void load(Path idFile, Quarantine quarantine, boolean storeHasData, String actor) throws IOException {
        List<Path> segments = segments();
        String idFromFile = readStoreId(idFile);
        List<String> continuation = new ArrayList<>();
        String torn = null;
        if (segments.isEmpty()) {
            live = EncryptedLog.open(dir.resolve("audit.log"), name(dir.resolve("audit.log")), cipher);
            live.forgetRecords();
            if (storeHasData || idFromFile != null) {
                continuation.add("the audit trail (audit/audit.log) was missing although the store holds data;"
                        + " it starts again here");
            }
        } else {
            for (Path closed : segments.subList(0, segments.size() - 1)) {
                addScanned(EncryptedLog.scan(closed, name(closed), cipher), name(closed));
            }
            Path last = segments.get(segments.size() - 1);
            try {
                EncryptedLog log = EncryptedLog.open(last, name(last), cipher);
                List<byte[]> plain = log.records();
                for (int i = 0; i < plain.size(); i++) {
                    records.add(AuditRecord.readable(records.size(), plain.get(i), name(last) + " record " + i));
                }
                torn = log.tornTail();
                log.dropTornTail();
                log.forgetRecords(); // the trail keeps them, once
                live = log;
            } catch (StoreCorruptedException e) {
                EncryptedLog.Scan scan = EncryptedLog.scan(last, name(last), cipher);
                addScanned(scan, name(last));
                String why = name(last) + ": " + String.join("; ", scan.problems());
                Quarantine.Item copy = quarantine.copyAuditFile(last, why);
                Path next = dir.resolve("audit." + (segmentNumber(last) + 1) + ".log");
                live = EncryptedLog.open(next, name(next), cipher);
                live.forgetRecords();
                continuation.add("the audit trail is damaged (" + why + "); that file is kept as it was (a copy is in "
                        + copy.folder() + "/) and the trail continues in " + name(next));
            }
        }
        storeId = storeIdInTrail().orElse(idFromFile);
        if (records.isEmpty() && continuation.isEmpty()) {
            storeId = storeId != null ? storeId : randomId();
            append(event(STARTED, actor, List.of("a new store: its audit trail starts here")));
        } else if (!continuation.isEmpty() || storeId == null) {
            if (storeId == null) {
                continuation.add("no store id was found in the trail before this record");
                storeId = randomId();
            }
            append(event(CONTINUED, actor, continuation));
            notices.add(String.join("; ", continuation) + ". The trail no longer verifies: tell IT.");
        }
        if (torn != null) {
            append(event(TORN, actor, List.of("the last record of the audit trail was incomplete (" + torn
                    + "): it was being written when the station stopped and was dropped")));
        }
        if (!storeId.equals(idFromFile)) {
            AtomicFiles.write(idFile, (storeId + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void addScanned(EncryptedLog.Scan scan, String name) {
        for (EncryptedLog.Scanned s : scan.records()) {
            String place = name + " record " + s.index();
            records.add(s.readable() ? AuditRecord.readable(records.size(), s.plain(), place)
                    : new AuditRecord(records.size(), null, null, place, s.problem()));
        }
        if (scan.tail() != null) {
            records.add(new AuditRecord(records.size(), null, null, name + " end of file", scan.tail()));
        }
    }

    private AuditEvent event(String type, String actor, List<String> reasons) {
        return new AuditEvent(type, clock.instant().toString(), actor, null, null, null, null, null, null, null, null,
                List.copyOf(reasons), null, Map.of("store", storeId));
    }

    private Optional<String> storeIdInTrail() {
        for (AuditRecord r : records) {
            String type = r.type();
            if (STARTED.equals(type) || CONTINUED.equals(type)) {
                String id = r.node().path("settings").path("store").asText(null);
                if (id != null) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    private List<Path> segments() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches())
                    .sorted(java.util.Comparator.comparingInt(AuditTrail::segmentNumber)).toList();
        }
    }

    private static int segmentNumber(Path p) {
        Matcher m = SEGMENT.matcher(p.getFileName().toString());
        return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String name(Path segment) {
        return "audit/" + segment.getFileName();
    }

    private static String readStoreId(Path idFile) {
        try {
            String id = Files.readString(idFile, StandardCharsets.US_ASCII).strip();
            return id.matches("[0-9a-f]{32}") ? id : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String randomId() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private String now() {
        return clock.instant().toString();
    }

    // ------------------------------------------------------------------ writing

    /** Appends any event, chained to the record before it (durable when this returns). */
    public synchronized void append(AuditEvent event) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", records.size());
        node.put("prev", records.isEmpty() ? NO_PREVIOUS
                : records.get(records.size() - 1).readable() ? records.get(records.size() - 1).hash() : UNREADABLE);
        node.setAll((ObjectNode) JSON.valueToTree(event));
        byte[] bytes = JSON.writeValueAsBytes(node);
        int local = live.size();
        live.append(bytes);
        records.add(AuditRecord.readable(records.size(), bytes, live.name() + " record " + local));
    }

    public void batchStarted(BatchId batch, BatchInfo info) throws IOException {
        append(new AuditEvent("batch-started", now(), info.operator(), info.device(), batch.value(), null, null, null,
                null, null, null, null, null, info.settings()));
    }

    public void pageImage(BatchId batch, int page, String sha256, long size, String user) throws IOException {
        append(new AuditEvent("page-image", now(), user, null, batch.value(), null, page, sha256, size, null, null,
                null, null, null));
    }

    public void pdf(BatchId batch, int document, String sha256, long size, String user) throws IOException {
        append(new AuditEvent("pdf", now(), user, null, batch.value(), document, null, sha256, size, null, null,
                null, null, null));
    }

    /** An automatic decision of the pipeline about one page, with its reasons. */
    public void automaticDecision(BatchId batch, int page, String decision, String nhsNumber, List<String> reasons)
            throws IOException {
        append(new AuditEvent("automatic-decision", now(), "scanstation", null, batch.value(), null, page, null, null,
                nhsNumber, decision, List.copyOf(reasons), null, null));
    }

    /** A person's review decision about one page or document. */
    public void reviewDecision(BatchId batch, Integer document, Integer page, String user, String decision,
                               String nhsNumber, List<String> reasons) throws IOException {
        append(new AuditEvent("review-decision", now(), user, null, batch.value(), document, page, null, null,
                nhsNumber, decision, reasons == null ? null : List.copyOf(reasons), null, null));
    }

    public void upload(BatchId batch, int document, String edmsObjectId, String sha256, String user, boolean existing)
            throws IOException {
        append(new AuditEvent("upload", now(), user, null, batch.value(), document, null, sha256, null, null,
                existing ? "found-existing" : "created", null, edmsObjectId, null));
    }

    public void stateChange(BatchId batch, int document, DocumentState state, String user, String detail,
                            String edmsObjectId) throws IOException {
        append(new AuditEvent(state.json(), now(), user, null, batch.value(), document, null, null, null, null,
                null, detail == null ? null : List.of(detail), edmsObjectId, null));
    }

    /** A sign-in attempt at the station: the name typed and what came of it (signed-in, refused, locked-out ...). */
    public void signIn(String name, String outcome) throws IOException {
        append(new AuditEvent("sign-in", now(), name, null, null, null, null, null, null, null, outcome, null, null,
                null));
    }

    /**
     * The sign-in attempts recorded at or after {@code since}, oldest first. Read from the end of the trail
     * back to the first record older than {@code since} (records are in time order), so a station start does
     * not parse months of trail.
     */
    public synchronized List<AuditEvent> signInsSince(java.time.Instant since) throws IOException {
        java.util.ArrayDeque<AuditEvent> out = new java.util.ArrayDeque<>();
        for (int i = records.size() - 1; i >= 0; i--) {
            AuditRecord r = records.get(i);
            if (!r.readable()) {
                continue;
            }
            AuditEvent e = JSON.readValue(r.json(), AuditEvent.class);
            if (e.at() != null && java.time.Instant.parse(e.at()).isBefore(since)) {
                break;
            }
            if ("sign-in".equals(e.type())) {
                out.addFirst(e);
            }
        }
        return List.copyOf(out);
    }

    /** Something about a whole batch that a person must know (kept, set aside...), in words. */
    void batchEvent(String type, BatchId batch, String user, List<String> reasons) throws IOException {
        append(new AuditEvent(type, now(), user, null, batch.value(), null, null, null, null, null, null,
                List.copyOf(reasons), null, null));
    }

    // ------------------------------------------------------------------ the chain and its anchors

    /** The store's random id, named by the trail's first record. */
    public String storeId() {
        return storeId;
    }

    /** Every position of the trail, readable or not, in order. */
    public synchronized List<AuditRecord> records() {
        return List.copyOf(records);
    }

    /** How many records the trail holds. */
    public synchronized int size() {
        return records.size();
    }

    /**
     * The anchor to send to the EDMS now: the records since the last anchor, when anything but
     * earlier anchoring was recorded since; empty when the EDMS already holds the head.
     */
    public synchronized Optional<AuditAnchor> pendingAnchor() {
        int from = lastAnchoredCount();
        boolean grown = false;
        List<String> hashes = new ArrayList<>();
        for (int i = from; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            grown |= !ANCHORED.equals(r.type());
            hashes.add(r.readable() ? r.hash() : UNREADABLE);
        }
        if (!grown) {
            return Optional.empty();
        }
        return Optional.of(new AuditAnchor(AuditAnchor.FORMAT, storeId, from, records.size(),
                hashes.get(hashes.size() - 1), hashes, now()));
    }

    /** Records that the EDMS now holds {@code anchor} as object {@code edmsObjectId}. */
    public void anchored(AuditAnchor anchor, String edmsObjectId, String user) throws IOException {
        append(new AuditEvent(ANCHORED, now(), user, null, null, null, null, anchor.head(), (long) anchor.count(),
                null, "anchored", List.of("the EDMS holds the hashes of records " + anchor.from() + " to "
                        + (anchor.count() - 1) + " as " + anchor.fileName()), edmsObjectId, null));
    }

    private int lastAnchoredCount() {
        for (int i = records.size() - 1; i >= 0; i--) {
            AuditRecord r = records.get(i);
            if (ANCHORED.equals(r.type())) {
                int count = r.node().path("size").asInt(0);
                return count <= i ? count : 0;
            }
        }
        return 0;
    }

    /** What opening the trail found that a person must know, in words (empty when all was well). */
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    // ------------------------------------------------------------------ reading

    /** Every readable event so far, in order. */
    public List<AuditEvent> events() throws IOException {
        List<AuditEvent> out = new ArrayList<>();
        for (AuditRecord r : records()) {
            if (r.readable()) {
                out.add(JSON.readValue(r.json(), AuditEvent.class));
            }
        }
        return out;
    }

    /**
     * Writes {@code {"format":..,"store":..,"events":[...]}} (UTF-8); the stream is left open. Each
     * event carries its {@code seq} and {@code prev}; a record that cannot be read appears as
     * {@code unreadable-record} with the problem.
     */
    public void exportJson(OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "scanstation-audit-v2");
            g.writeStringField("store", storeId);
            g.writeArrayFieldStart("events");
            for (AuditRecord r : records()) {
                if (r.readable()) {
                    g.writeTree(JSON.readTree(r.json()));
                } else {
                    ObjectNode n = JSON.createObjectNode();
                    n.put("seq", r.seq());
                    n.put("type", "unreadable-record");
                    n.put("place", r.place());
                    n.put("problem", r.problem());
                    g.writeTree(n);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
