package org.scanstation.pipeline;

import java.awt.Rectangle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.scanstation.match.IdentifierRead;
import org.scanstation.match.NameComparison;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.Patient;
import org.scanstation.ocr.LabelHypotheses;
import org.scanstation.ocr.LabelReading;
import org.scanstation.ocr.Votes;

/**
 * Turns the hypotheses of a harder re-read of a page's labels into label readings for the match policy
 * (ADR 0013). A re-read only adds evidence:
 * <ul>
 *   <li>only a value read by at least two looks counts (the first look is one of them); values read once
 *       are left out, whatever they say;</li>
 *   <li>a counted value fills a field the first reading left empty; one that differs from what the first
 *       reading read is added beside it, so the policy sees the disagreement (a conflict is never
 *       overridden);</li>
 *   <li>the one exception: a printed NHS number the first look misread so that it fails the check digit
 *       is replaced by the counted one, only when that one passes the check digit, is in the index,
 *       names the patient the other evidence on the page names, and more looks read it than read any
 *       number failing the check digit.</li>
 * </ul>
 * The policy then decides on the result exactly as on a first reading. Thread-safe.
 */
final class LabelHypothesisChooser {

    private final PatientIndex index;

    LabelHypothesisChooser(PatientIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * @param otherIds identifiers read elsewhere on the page (barcodes, page text): not the printed labels'
     * @param first    the first reading of each label (labels the first look could not read are absent)
     * @param harder   the re-read's hypotheses, one per label region
     * @return the readings to decide on: the first ones with the counted values added
     */
    List<LabelReading> choose(List<IdentifierRead> otherIds, List<LabelReading> first, List<LabelHypotheses> harder) {
        List<LabelReading> out = new ArrayList<>();
        List<LabelReading> unmatched = new ArrayList<>(first);
        for (LabelHypotheses h : harder) {
            LabelReading firstReading = sameRegion(unmatched, h.region());
            if (firstReading != null) {
                unmatched.remove(firstReading);
                vote(h, firstReading);
            }
            out.addAll(chooseFor(h, firstReading, otherIds, first));
        }
        out.addAll(unmatched);
        return out;
    }

    /**
     * Whether a harder reading could change the decision on this evidence: not when it already holds a
     * conflict more evidence cannot remove (two patients, a barcode's NHS number failing its check digit, an
     * identifier not in the index, a name or date of birth disagreeing with the patient). A printed NHS number
     * failing its check digit may be a misreading, so it does not stop the re-read. Saves the re-read's CPU
     * on trap pages; never decides anything itself.
     */
    boolean worthRereading(List<IdentifierRead> ids, List<LabelReading> readings) {
        Set<String> patients = new LinkedHashSet<>();
        Patient candidate = null;
        for (IdentifierRead id : ids) {
            boolean printedNhs = id.kind() == IdentifierRead.Kind.NHS_NUMBER && id.source() == IdentifierRead.Source.LABEL_TEXT;
            if (id.kind() == IdentifierRead.Kind.NHS_NUMBER && !NhsNumber.hasValidCheckDigit(id.value())) {
                if (printedNhs) {
                    continue;
                }
                return false;
            }
            Optional<Patient> p = resolve(id.kind(), id.value());
            if (p.isEmpty()) {
                return false;
            }
            patients.add(p.get().nhsNumber().digits());
            candidate = p.get();
        }
        if (patients.size() > 1) {
            return false;
        }
        if (candidate != null) {
            for (LabelReading r : readings) {
                if (r.familyName() != null && !NameComparison.sameFamilyName(r.familyName(), candidate.familyName())
                        || r.givenName() != null && !NameComparison.sameGivenName(r.givenName(), candidate.givenName())
                        || r.dateOfBirth() != null && !r.dateOfBirth().equals(candidate.dateOfBirth())) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<LabelReading> chooseFor(LabelHypotheses h, LabelReading firstReading, List<IdentifierRead> otherIds,
                                         List<LabelReading> allFirst) {
        Rectangle region = h.region();
        LabelReading base = firstReading != null ? firstReading
                : new LabelReading(region, "", null, null, null, null, null, 0f);
        List<LabelReading> extras = new ArrayList<>();
        String family = fill(base.familyName(), h.familyName(), v -> extras.add(reading(region, v, null, null, null, null)),
                true);
        String given = fill(base.givenName(), h.givenName(), v -> extras.add(reading(region, null, v, null, null, null)),
                true);
        LocalDate dob = fill(base.dateOfBirth(), h.dateOfBirth(), v -> extras.add(reading(region, null, null, v, null, null)),
                false);
        String mrn = fill(base.mrn(), h.mrn(), v -> extras.add(reading(region, null, null, null, null, v)), false);
        String nhs = chooseNhs(base.nhsDigits(), h.nhsDigits(), otherIds, mrn, dob, family, allFirst, firstReading,
                v -> extras.add(reading(region, null, null, null, v, null)));
        List<LabelReading> out = new ArrayList<>();
        LabelReading merged = new LabelReading(region, base.rawText(), family, given, dob, nhs, mrn, base.confidence());
        if (merged.hasIdentifier() || merged.hasDemographics()) {
            out.add(merged);
        }
        out.addAll(extras);
        return out;
    }

    /** The first reading's value, or the counted value when it read none; counted values that differ go to {@code extra}. */
    private static <T> T fill(T firstValue, Votes<T> votes, java.util.function.Consumer<T> extra, boolean name) {
        T value = firstValue;
        for (T v : votes.stable()) {
            if (value == null) {
                value = v;
            } else if (!same(value, v, name)) {
                extra.accept(v);
            }
        }
        return value;
    }

    private static boolean same(Object a, Object b, boolean name) {
        if (name) {
            return NameComparison.normalise((String) a).equals(NameComparison.normalise((String) b));
        }
        return a.equals(b);
    }

    /**
     * The NHS number of the label. A counted number is added like any other field, except that it replaces a
     * first reading failing the check digit when {@link #replaces} allows it.
     */
    private String chooseNhs(String firstValue, Votes<String> votes, List<IdentifierRead> otherIds, String mrn,
                             LocalDate dob, String family, List<LabelReading> allFirst, LabelReading self,
                             java.util.function.Consumer<String> extra) {
        if (firstValue != null && !NhsNumber.hasValidCheckDigit(firstValue)) {
            for (String v : votes.stable()) {
                if (replaces(v, votes, otherIds, mrn, dob, family, allFirst, self)) {
                    return v; // the readings failing the check digit were fewer: misreads
                }
            }
        }
        String value = firstValue;
        for (String v : votes.stable()) {
            if (value == null) {
                value = v;
            } else if (!value.equals(v)) {
                extra.accept(v);
            }
        }
        return value;
    }

    /**
     * Whether a counted NHS number may replace a first reading that fails the check digit: it passes the
     * check digit, no other counted value does, more looks read it than read any value failing the check
     * digit (a number printed with a wrong check digit is read as printed by most looks), and it names the
     * same patient as the other evidence on the page (the other identifiers; when there are none, the
     * label's date of birth or family name).
     */
    private boolean replaces(String v, Votes<String> votes, List<IdentifierRead> otherIds, String mrn, LocalDate dob,
                             String family, List<LabelReading> allFirst, LabelReading self) {
        if (!NhsNumber.hasValidCheckDigit(v)
                || votes.stable().stream().filter(NhsNumber::hasValidCheckDigit).count() != 1) {
            return false;
        }
        for (String read : votes.values()) {
            if (!NhsNumber.hasValidCheckDigit(read) && votes.count(read) >= votes.count(v)) {
                return false;
            }
        }
        Optional<Patient> named = index.byNhsNumber(v);
        if (named.isEmpty()) {
            return false;
        }
        Patient p = named.get();
        Set<String> others = otherPatients(otherIds, mrn, allFirst, self);
        if (!others.isEmpty()) {
            return others.equals(Set.of(p.nhsNumber().digits()));
        }
        return p.dateOfBirth().equals(dob) || family != null && NameComparison.sameFamilyName(family, p.familyName());
    }

    /** NHS numbers of the patients every other identifier on the page names (unknown identifiers name nobody). */
    private Set<String> otherPatients(List<IdentifierRead> otherIds, String mrn, List<LabelReading> allFirst, LabelReading self) {
        Set<String> out = new LinkedHashSet<>();
        for (IdentifierRead id : otherIds) {
            resolve(id.kind(), id.value()).ifPresent(p -> out.add(p.nhsNumber().digits()));
        }
        if (mrn != null) {
            index.byHospitalNumber(mrn).ifPresent(p -> out.add(p.nhsNumber().digits()));
        }
        for (LabelReading r : allFirst) {
            if (r == self) {
                continue;
            }
            if (r.nhsDigits() != null) {
                resolve(IdentifierRead.Kind.NHS_NUMBER, r.nhsDigits()).ifPresent(p -> out.add(p.nhsNumber().digits()));
            }
            if (r.mrn() != null) {
                index.byHospitalNumber(r.mrn()).ifPresent(p -> out.add(p.nhsNumber().digits()));
            }
        }
        return out;
    }

    private Optional<Patient> resolve(IdentifierRead.Kind kind, String value) {
        if (kind == IdentifierRead.Kind.NHS_NUMBER) {
            return NhsNumber.hasValidCheckDigit(value) ? index.byNhsNumber(value) : Optional.empty();
        }
        return index.byHospitalNumber(value);
    }

    private static void vote(LabelHypotheses h, LabelReading firstReading) {
        h.add(firstReading);
    }

    private static LabelReading sameRegion(List<LabelReading> readings, Rectangle region) {
        for (LabelReading r : readings) {
            if (r.region() != null && r.region().equals(region)) {
                return r;
            }
        }
        return null;
    }

    private static LabelReading reading(Rectangle region, String family, String given, LocalDate dob, String nhs, String mrn) {
        return new LabelReading(region, "", family, given, dob, nhs, mrn, 0f);
    }
}
