package org.scanstation.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks an {@link AuditTrail}: every record readable, at its place ({@code seq}), linked to the one
 * before it ({@code prev} = SHA-256 of the previous record), no damage recorded; then, against the
 * anchors the EDMS holds, that no anchored record is missing or different, and that every anchor the
 * trail says it sent is still there. The chain alone catches records damaged, moved or removed
 * without the key; the anchors catch a trail cut short or rewritten with the key.
 */
public final class AuditVerification {

    private AuditVerification() {
    }

    /**
     * @param anchors        this store's anchors as read from the EDMS (empty when none)
     * @param comparedToEdms false when no EDMS was asked: the check is then the chain's alone
     */
    public static AuditVerdict verify(AuditTrail trail, List<AuditAnchor> anchors, boolean comparedToEdms) {
        List<AuditRecord> records = trail.records();
        List<AuditVerdict.Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        checkChain(records, problems, notes);
        List<AuditAnchor> mine = anchors.stream().filter(a -> trail.storeId().equals(a.store()))
                .sorted(Comparator.comparingInt(AuditAnchor::count)).toList();
        if (comparedToEdms) {
            checkAnchors(records, mine, problems);
            checkAnchorsStillThere(records, mine, problems);
            int covered = mine.isEmpty() ? 0 : mine.get(mine.size() - 1).count();
            if (mine.isEmpty()) {
                notes.add("the EDMS holds no anchor of this trail (nothing was uploaded from this store yet):"
                        + " only the chain was checked, and records cut from its end could not be noticed");
            } else if (covered < records.size()) {
                notes.add(span(covered, records.size() - 1) + " came after the last anchor ("
                        + mine.get(mine.size() - 1).anchoredAt() + "): the next upload anchors them");
            }
        } else {
            notes.add("not compared with the EDMS (give --cmis): a trail cut short or rewritten with the store key"
                    + " is only caught by that comparison");
        }
        return new AuditVerdict(trail.storeId(), records.size(), mine.size(), problems, notes);
    }

    private static void checkChain(List<AuditRecord> records, List<AuditVerdict.Problem> problems, List<String> notes) {
        for (int i = 0; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            if (!r.readable()) {
                problems.add(new AuditVerdict.Problem(i, r.describe() + " cannot be read: " + r.problem()));
                continue;
            }
            JsonNode n = r.node();
            if (!n.path("seq").isInt()) {
                problems.add(new AuditVerdict.Problem(i, r.describe() + " carries no place in the chain: it was not"
                        + " written by the station's audit trail"));
            } else if (n.get("seq").asInt() != i) {
                problems.add(new AuditVerdict.Problem(i, r.describe() + " says it is record " + n.get("seq").asInt()
                        + ": records before it were removed, inserted or reordered"));
            }
            String expected = i == 0 ? AuditTrail.NO_PREVIOUS
                    : records.get(i - 1).readable() ? records.get(i - 1).hash() : null;
            if (expected != null && !expected.equals(n.path("prev").asText(null))) {
                int at = Math.max(0, i - 1);
                problems.add(new AuditVerdict.Problem(at, i == 0 ? r.describe() + " is not the start of a trail"
                        : "the chain breaks between " + records.get(i - 1).describe() + " and " + r.describe()
                        + ": the first was altered, or records were removed, inserted or reordered between them"));
            }
            String type = r.type();
            if (i == 0 && !AuditTrail.STARTED.equals(type) && !AuditTrail.CONTINUED.equals(type)) {
                problems.add(new AuditVerdict.Problem(0, "the trail does not begin with its start record"));
            }
            if (AuditTrail.CONTINUED.equals(type)) {
                problems.add(new AuditVerdict.Problem(i, r.describe() + ": " + reasons(n)));
            }
            if (AuditTrail.TORN.equals(type)) {
                notes.add(r.describe() + ": " + reasons(n));
            }
        }
    }

    private static void checkAnchors(List<AuditRecord> records, List<AuditAnchor> anchors,
                                     List<AuditVerdict.Problem> problems) {
        for (AuditAnchor a : anchors) {
            for (int j = a.from(); j < a.count(); j++) {
                if (j >= records.size()) {
                    problems.add(new AuditVerdict.Problem(j, span(j, a.count() - 1)
                            + (j == a.count() - 1 ? " is" : " are") + " missing: the EDMS received an anchor on " + a.anchoredAt() + " for a trail of "
                            + a.count() + " records, this trail holds " + records.size()));
                    break;
                }
                AuditRecord r = records.get(j);
                if (r.readable() && !a.hashes().get(j - a.from()).equals(r.hash())) {
                    problems.add(new AuditVerdict.Problem(j, r.describe() + " is not the record the EDMS received on "
                            + a.anchoredAt() + ": it was altered, replaced, inserted or moved"));
                    break;
                }
            }
        }
    }

    /** Every anchor the trail says the EDMS confirmed must still be in the EDMS. */
    private static void checkAnchorsStillThere(List<AuditRecord> records, List<AuditAnchor> anchors,
                                               List<AuditVerdict.Problem> problems) {
        for (AuditRecord r : records) {
            if (!AuditTrail.ANCHORED.equals(r.type())) {
                continue;
            }
            JsonNode n = r.node();
            int count = n.path("size").asInt(-1);
            String head = n.path("sha256").asText("");
            boolean there = anchors.stream().anyMatch(a -> a.count() == count && a.head().equals(head));
            if (!there) {
                problems.add(new AuditVerdict.Problem(r.seq(), r.describe() + " says the EDMS received the head of "
                        + count + " records (object " + n.path("edmsObjectId").asText("?")
                        + "), but the EDMS holds no such anchor now: it was removed or replaced"));
            }
        }
    }

    private static String span(int from, int to) {
        return from == to ? "record " + from : "records " + from + " to " + to;
    }

    private static String reasons(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.path("reasons").forEach(r -> out.add(r.asText()));
        return String.join("; ", out);
    }
}
