package org.scanstation.match;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.Patient;
import org.scanstation.ocr.LabelReading;

/**
 * The safety core: decides from a page's evidence whether it can be filed without a person.
 *
 * <p>A page is auto-filed only when every identifier on it resolves to the same patient in the
 * index, nothing read on it disagrees with that patient, and at least two independent kinds of
 * evidence agree (an NHS number or hospital number, plus a second identifier or the label's name or
 * date of birth). Anything invalid, unknown, conflicting or unreadable goes to review with the
 * reasons in plain words. Names alone never identify a patient. An identifier the PAS merged into
 * another patient (a retired NHS number or hospital number) always sends the page to review, with the
 * merge in words and the surviving patient as the candidate.
 */
public final class MatchPolicy {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Kinds of evidence that can agree with the index. */
    private enum Agreement {
        NHS_NUMBER, HOSPITAL_NUMBER, NAME, DATE_OF_BIRTH
    }

    private final PatientIndex index;
    private final boolean unreadableBarcodeNeedsReview;

    /**
     * @param unreadableBarcodeNeedsReview when true (the safe default), a labelled page with a barcode
     *        that could not be decoded goes to review: the printed label cannot be checked against it
     */
    public MatchPolicy(PatientIndex index, boolean unreadableBarcodeNeedsReview) {
        this.index = index;
        this.unreadableBarcodeNeedsReview = unreadableBarcodeNeedsReview;
    }

    public MatchPolicy(PatientIndex index) {
        this(index, true);
    }

    public MatchDecision decide(PageEvidence evidence) {
        PatientIndex index = this.index.snapshot(); // one index for the whole decision, even across a refresh
        if (evidence.isSilent()) {
            return new MatchDecision.NoIdentity(List.of("no patient label or identifier on this page"));
        }
        List<String> problems = new ArrayList<>();
        List<String> support = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        Map<String, Patient> patients = new LinkedHashMap<>();
        Map<String, EnumSet<Agreement>> agreements = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();

        for (IdentifierRead id : evidence.identifiers()) {
            if (!seen.add(id.kind() + "|" + id.value() + "|" + id.source())) {
                continue;
            }
            Optional<Patient> found;
            if (id.kind() == IdentifierRead.Kind.NHS_NUMBER) {
                if (!NhsNumber.hasValidCheckDigit(id.value())) {
                    problems.add(id.describe() + " fails the NHS number check digit");
                    keys.add("nhs:" + id.value());
                    continue;
                }
                found = index.byNhsNumber(id.value());
            } else {
                found = index.byHospitalNumber(id.value());
            }
            if (found.isEmpty()) {
                Optional<RetiredIdentifier> retired = index.retired(id.kind(), id.value());
                if (retired.isPresent()) {
                    // Never filed to the retired record (it is not in the index) nor, automatically, to the survivor.
                    Patient survivor = retired.get().survivor();
                    problems.add(retired.get().describe() + " (" + id.source().words() + ")");
                    patients.putIfAbsent(survivor.nhsNumber().digits(), survivor);
                    keys.add("patient:" + survivor.nhsNumber().digits());
                    continue;
                }
                problems.add(id.describe() + " is not in the patient index");
                keys.add((id.kind() == IdentifierRead.Kind.NHS_NUMBER ? "nhs:" : "mrn:") + id.value());
                continue;
            }
            Patient p = found.get();
            String nhs = p.nhsNumber().digits();
            patients.putIfAbsent(nhs, p);
            keys.add("patient:" + nhs);
            agreements.computeIfAbsent(nhs, k -> EnumSet.noneOf(Agreement.class))
                    .add(id.kind() == IdentifierRead.Kind.NHS_NUMBER ? Agreement.NHS_NUMBER : Agreement.HOSPITAL_NUMBER);
            support.add(id.describe() + " is valid and in the index (" + p.displayName() + ")");
        }

        if (patients.size() > 1) {
            problems.add(0, "the page identifies " + patients.size() + " different patients: "
                    + String.join("; ", patients.values().stream()
                    .map(p -> p.displayName() + " " + p.nhsNumber().formatted()).toList()));
        }
        Patient candidate = patients.isEmpty() ? null : patients.values().iterator().next();

        for (LabelReading label : evidence.labels()) {
            if (!label.hasIdentifier() && !label.hasDemographics()) {
                problems.add("a patient label was found but could not be read");
                continue;
            }
            if (candidate == null) {
                if (label.hasDemographics() && !label.hasIdentifier() && label.region() == null) {
                    continue; // a date in a letter's text, with no identifier: nothing to go on, nothing to fear
                }
                if (label.hasDemographics() && !label.hasIdentifier()) {
                    problems.add("the label names " + describeName(label)
                            + " but no NHS or hospital number could be read");
                    keys.add("label:" + NameComparison.normalise(label.familyName()) + "|" + label.dateOfBirth());
                }
                continue;
            }
            compareDemographics(label, candidate, problems, support,
                    agreements.computeIfAbsent(candidate.nhsNumber().digits(), k -> EnumSet.noneOf(Agreement.class)));
        }

        boolean labelled = !evidence.labels().isEmpty() || !evidence.identifiers().isEmpty();
        if (evidence.unreadableBarcodes() > 0 && labelled && unreadableBarcodeNeedsReview) {
            problems.add(evidence.unreadableBarcodes() == 1
                    ? "a barcode on the page could not be read, so the printed label cannot be checked against it"
                    : evidence.unreadableBarcodes() + " barcodes on the page could not be read");
        }

        if (candidate == null && problems.isEmpty()) {
            // Only undecodable marks, no label and no identifier.
            return new MatchDecision.NoIdentity(List.of("no patient label or identifier on this page"));
        }
        if (keys.isEmpty()) {
            keys.add("unidentified");
        }
        Set<String> identity = Set.copyOf(keys);
        if (!problems.isEmpty()) {
            List<String> reasons = new ArrayList<>(problems);
            reasons.addAll(support);
            double confidence = candidate == null ? 0.0 : patients.size() > 1 ? 0.2 : 0.4;
            return new MatchDecision.NeedsReview(candidate, confidence, List.copyOf(reasons), identity);
        }
        EnumSet<Agreement> agreed = agreements.getOrDefault(candidate.nhsNumber().digits(), EnumSet.noneOf(Agreement.class));
        boolean hasIdentifier = agreed.contains(Agreement.NHS_NUMBER) || agreed.contains(Agreement.HOSPITAL_NUMBER);
        if (!hasIdentifier || agreed.size() < 2) {
            List<String> reasons = new ArrayList<>();
            reasons.add("only one piece of evidence (" + describe(agreed)
                    + ") was read; nothing else on the page corroborates it");
            reasons.addAll(support);
            return new MatchDecision.NeedsReview(candidate, 0.6, List.copyOf(reasons), identity);
        }
        double confidence = Math.min(0.99, 0.90 + 0.03 * (agreed.size() - 2)
                + (evidence.identifiers().stream().map(IdentifierRead::source).distinct().count() > 1 ? 0.03 : 0));
        List<String> reasons = new ArrayList<>(support);
        reasons.add("agreeing evidence: " + describe(agreed));
        return new MatchDecision.Matched(candidate, round(confidence), List.copyOf(reasons), identity);
    }

    private static void compareDemographics(LabelReading label, Patient p, List<String> problems,
                                            List<String> support, EnumSet<Agreement> agreed) {
        String what = label.region() == null ? "page text" : "label";
        boolean nameRead = false;
        boolean nameOk = true;
        if (label.familyName() != null) {
            nameRead = true;
            if (!NameComparison.sameFamilyName(label.familyName(), p.familyName())) {
                nameOk = false;
                problems.add(what + " family name '" + label.familyName() + "' does not match the index ("
                        + p.familyName() + ")");
            }
        }
        if (label.givenName() != null) {
            nameRead = true;
            if (!NameComparison.sameGivenName(label.givenName(), p.givenName())) {
                nameOk = false;
                problems.add(what + " given name '" + label.givenName() + "' does not match the index ("
                        + p.givenName() + ")");
            }
        }
        if (nameRead && nameOk && label.familyName() != null) {
            agreed.add(Agreement.NAME);
            support.add(what + " name agrees with the index");
        }
        if (label.dateOfBirth() != null) {
            if (label.dateOfBirth().equals(p.dateOfBirth())) {
                agreed.add(Agreement.DATE_OF_BIRTH);
                support.add(what + " date of birth agrees with the index");
            } else {
                problems.add(what + " date of birth " + UK_DATE.format(label.dateOfBirth())
                        + " does not match the index (" + UK_DATE.format(p.dateOfBirth()) + ")");
            }
        }
    }

    private static String describeName(LabelReading label) {
        String n = label.familyName() == null ? "?" : label.familyName().toUpperCase();
        if (label.givenName() != null) {
            n += ", " + label.givenName();
        }
        return "'" + n + "'";
    }

    private static String describe(Set<Agreement> agreed) {
        List<String> words = new ArrayList<>();
        for (Agreement a : agreed) {
            words.add(switch (a) {
                case NHS_NUMBER -> "NHS number";
                case HOSPITAL_NUMBER -> "hospital number";
                case NAME -> "name";
                case DATE_OF_BIRTH -> "date of birth";
            });
        }
        return words.isEmpty() ? "nothing" : String.join(", ", words);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
