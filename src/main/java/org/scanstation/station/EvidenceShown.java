package org.scanstation.station;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.scanstation.match.NameComparison;
import org.scanstation.model.Patient;

/**
 * What a document's pages show about who they belong to (every name, date of birth, NHS number and
 * hospital number read, from labels, page text and barcodes), to compare with a patient from the index.
 */
public record EvidenceShown(Set<String> familyNames, Set<String> givenNames, Set<LocalDate> datesOfBirth,
                            Set<String> nhsNumbers, Set<String> hospitalNumbers) {

    public static final EvidenceShown NOTHING = new Builder().build();

    public EvidenceShown {
        familyNames = Set.copyOf(familyNames);
        givenNames = Set.copyOf(givenNames);
        datesOfBirth = Set.copyOf(datesOfBirth);
        nhsNumbers = Set.copyOf(nhsNumbers);
        hospitalNumbers = Set.copyOf(hospitalNumbers);
    }

    /** How one fact of a patient compares with the pages. */
    public enum Fit {
        /** the pages show it */
        AGREES,
        /** the pages show it, and another one of the same kind too (e.g. two patients' labels on one page) */
        AGREES_AND_ANOTHER,
        /** the pages show this kind of fact, but none of them is the patient's */
        DIFFERS,
        /** the pages do not show this kind of fact */
        NOT_SHOWN
    }

    /** How each fact of a patient compares with the pages. */
    public record Agreement(Fit name, Fit dateOfBirth, Fit nhsNumber, Fit hospitalNumber) {

        /** True when something the pages show contradicts the patient, or shows someone else as well. */
        public boolean anyDiffers() {
            return java.util.stream.Stream.of(name, dateOfBirth, nhsNumber, hospitalNumber)
                    .anyMatch(f -> f == Fit.DIFFERS || f == Fit.AGREES_AND_ANOTHER);
        }
    }

    public Agreement agreementWith(Patient p) {
        Fit name = fit(familyNames, f -> NameComparison.sameFamilyName(f, p.familyName())
                && (givenNames.isEmpty() || givenNames.stream().anyMatch(g -> NameComparison.sameGivenName(g, p.givenName()))));
        Fit dob = fit(datesOfBirth, d -> d.equals(p.dateOfBirth()));
        Fit nhs = fit(nhsNumbers, n -> n.equals(p.nhsNumber().digits()));
        Fit mrn = p.mrn() == null ? Fit.NOT_SHOWN : fit(hospitalNumbers, m -> m.equalsIgnoreCase(p.mrn()));
        return new Agreement(name, dob, nhs, mrn);
    }

    private static <T> Fit fit(Set<T> shown, java.util.function.Predicate<T> isTheirs) {
        if (shown.isEmpty()) {
            return Fit.NOT_SHOWN;
        }
        boolean theirs = shown.stream().anyMatch(isTheirs);
        boolean other = shown.stream().anyMatch(isTheirs.negate());
        return !theirs ? Fit.DIFFERS : other ? Fit.AGREES_AND_ANOTHER : Fit.AGREES;
    }

    /** Collects facts read, page after page. */
    static final class Builder {
        private final Set<String> family = new LinkedHashSet<>();
        private final Set<String> given = new LinkedHashSet<>();
        private final Set<LocalDate> dob = new LinkedHashSet<>();
        private final Set<String> nhs = new LinkedHashSet<>();
        private final Set<String> mrn = new LinkedHashSet<>();

        Builder familyName(String s) {
            add(family, s);
            return this;
        }

        Builder givenName(String s) {
            add(given, s);
            return this;
        }

        Builder dateOfBirth(LocalDate d) {
            if (d != null) {
                dob.add(d);
            }
            return this;
        }

        Builder nhs(String s) {
            add(nhs, s == null ? null : s.replaceAll("\\s", ""));
            return this;
        }

        Builder mrn(String s) {
            add(mrn, s);
            return this;
        }

        Builder add(EvidenceShown other) {
            family.addAll(other.familyNames());
            given.addAll(other.givenNames());
            dob.addAll(other.datesOfBirth());
            nhs.addAll(other.nhsNumbers());
            mrn.addAll(other.hospitalNumbers());
            return this;
        }

        private static void add(Set<String> set, String s) {
            if (s != null && !s.isBlank()) {
                set.add(s.trim());
            }
        }

        EvidenceShown build() {
            return new EvidenceShown(family, given, dob, nhs, mrn);
        }
    }
}
