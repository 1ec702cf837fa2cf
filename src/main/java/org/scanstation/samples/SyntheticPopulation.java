package org.scanstation.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.Patient;

/**
 * Invented patients: the hospital's index (with the near-duplicates that make matching hard: twins,
 * siblings, namesakes) and people who are not in it. Nobody here is a real person; NHS numbers are
 * in the 999 test range.
 */
final class SyntheticPopulation {

    private static final String[] FAMILY = {
        "SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "JOHNSON", "DAVIES", "PATEL", "WRIGHT",
        "ROBINSON", "THOMPSON", "EVANS", "WALKER", "WHITE", "ROBERTS", "GREEN", "HALL", "THOMAS", "CLARKE",
        "JACKSON", "WOOD", "HARRIS", "EDWARDS", "TURNER", "MARTIN", "COOPER", "HILL", "WARD", "HUGHES",
        "MOORE", "CLARK", "KING", "HARRISON", "LEWIS", "BAKER", "LEE", "ALLEN", "MORRIS", "KHAN",
        "SCOTT", "WATSON", "DAVIS", "PARKER", "JAMES", "BENNETT", "YOUNG", "PHILLIPS", "RICHARDSON", "MITCHELL",
        "BAILEY", "CARTER", "COOK", "SINGH", "SHAW", "BELL", "COLLINS", "MORGAN", "KELLY", "BEGUM",
        "MILLER", "COX", "HUSSAIN", "MARSHALL", "SIMPSON", "PRICE", "ANDERSON", "ADAMS", "CHAPMAN", "ALI",
        "O'BRIEN", "MCDONALD", "NGUYEN", "KOWALSKI", "OKAFOR", "FERNANDES", "MISTRY", "CHAUHAN", "ST JOHN",
        "DUNCAN-SMITH", "MURPHY", "GRAHAM", "ELLIS", "HUNT", "FOX", "WEBB", "PALMER", "MASON", "LLOYD"
    };
    private static final String[] GIVEN_F = {
        "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophia", "Grace", "Mia", "Poppy", "Ella",
        "Margaret", "Susan", "Patricia", "Jean", "Dorothy", "Joan", "Irene", "Aisha", "Fatima", "Priya",
        "Hannah", "Anna", "Ann", "Anne", "Sarah", "Sara", "Katherine", "Catherine", "Zainab", "Niamh",
        "Maryam", "Chloe", "Lucy", "Ellie", "Jessica", "Rebecca", "Helen", "Elaine", "Gwen", "Siobhan"
    };
    private static final String[] GIVEN_M = {
        "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Mohammed", "Oscar",
        "John", "Jon", "David", "Michael", "Peter", "Stephen", "Steven", "Alan", "Allan", "Brian",
        "Arjun", "Ravi", "Kevin", "Daniel", "James", "Jake", "Thomas", "William", "Liam", "Sean",
        "Kwame", "Tomasz", "Piotr", "Ahmed", "Hamza", "Owen", "Rhys", "Callum", "Ewan", "Ian"
    };
    /** Given names that a hurried reader (or OCR) confuses: twins are given such pairs. */
    private static final String[][] SIMILAR = {
        {"John", "Jon"}, {"Ann", "Anne"}, {"Anna", "Hannah"}, {"Sara", "Sarah"}, {"Steven", "Stephen"},
        {"Alan", "Allan"}, {"Katherine", "Catherine"}, {"Jack", "Jake"}, {"Mohammed", "Muhammad"},
        {"Ellie", "Ella"}, {"Liam", "Lian"}, {"Isla", "Isha"}, {"Oliver", "Olivia"}, {"Helen", "Elaine"}
    };
    private static final String[] POSTCODE_AREAS = {"LE", "NG", "DE", "CV", "B", "NN", "PE", "S", "LN"};

    private final List<Patient> index = new ArrayList<>();
    private final Set<String> usedNhs = new HashSet<>();
    private final Set<String> usedMrn = new HashSet<>();
    private final Random rnd;

    private SyntheticPopulation(Random rnd) {
        this.rnd = rnd;
    }

    /** An index of {@code size} patients, about a quarter of them in near-duplicate groups. */
    static SyntheticPopulation generate(Random rnd, int size) {
        SyntheticPopulation p = new SyntheticPopulation(rnd);
        while (p.index.size() < size) {
            int left = size - p.index.size();
            double r = rnd.nextDouble();
            if (r < 0.08 && left >= 2) {
                p.addTwins();
            } else if (r < 0.16 && left >= 2) {
                p.addSiblings();
            } else if (r < 0.22 && left >= 2) {
                p.addNamesakes();
            } else {
                p.index.add(p.newPatient(p.pick(FAMILY), null, null, null, null));
            }
        }
        // shuffle so that near-duplicates are not neighbours in the CSV
        java.util.Collections.shuffle(p.index, rnd);
        return p;
    }

    List<Patient> index() {
        return List.copyOf(index);
    }

    /** Someone who is not in the index (valid NHS number, unknown MRN), sometimes sharing a family name with it. */
    Patient outsider() {
        String family = rnd.nextBoolean() ? index.get(rnd.nextInt(index.size())).familyName() : pick(FAMILY);
        return newPatient(family, null, null, null, null);
    }

    /** A patient of the index with a near-duplicate (same family name) when there is one, else any. */
    Patient pickPreferringLookAlikes() {
        if (rnd.nextDouble() < 0.5) {
            List<Patient> withTwin = index.stream().filter(a -> lookAlike(a) != null).toList();
            if (!withTwin.isEmpty()) {
                return withTwin.get(rnd.nextInt(withTwin.size()));
            }
        }
        return index.get(rnd.nextInt(index.size()));
    }

    /** Another index patient with the same family name as {@code p}, or null. */
    Patient lookAlike(Patient p) {
        for (Patient q : index) {
            if (q != p && q.familyName().equals(p.familyName())) {
                return q;
            }
        }
        return null;
    }

    /** A different index patient, a look-alike when there is one. */
    Patient other(Patient p) {
        Patient q = rnd.nextBoolean() ? lookAlike(p) : null;
        while (q == null || q == p) {
            q = index.get(rnd.nextInt(index.size()));
        }
        return q;
    }

    Random random() {
        return rnd;
    }

    private void addTwins() {
        String[] pair = SIMILAR[rnd.nextInt(SIMILAR.length)];
        String family = pick(FAMILY);
        LocalDate dob = randomDob();
        String postcode = randomPostcode();
        Patient a = newPatient(family, pair[0], dob, postcode, null);
        index.add(a);
        index.add(newPatient(family, pair[1], dob, postcode, null));
    }

    private void addSiblings() {
        String family = pick(FAMILY);
        String postcode = randomPostcode();
        Patient a = newPatient(family, null, null, postcode, null);
        index.add(a);
        int years = 1 + rnd.nextInt(6);
        int days = rnd.nextInt(200);
        LocalDate younger = a.dateOfBirth().plusYears(years).minusDays(days);
        // never born after the youngest random patient (a date of birth in the future is refused by the index
        // import): the sibling is then the elder one
        LocalDate dob = younger.isAfter(LATEST_DOB) ? a.dateOfBirth().minusYears(years).plusDays(days) : younger;
        index.add(newPatient(family, null, dob, postcode, null));
    }

    private void addNamesakes() {
        String family = pick(FAMILY);
        Patient a = newPatient(family, null, null, null, null);
        index.add(a);
        index.add(newPatient(family, a.givenName(), null, null, a.sex()));
    }

    private Patient newPatient(String family, String given, LocalDate dob, String postcode, String sexWanted) {
        String sex = sexWanted;
        if (given != null && sex == null) {
            sex = java.util.Arrays.asList(GIVEN_F).contains(given) ? "F"
                    : java.util.Arrays.asList(GIVEN_M).contains(given) ? "M" : (rnd.nextBoolean() ? "F" : "M");
        }
        if (sex == null) {
            sex = rnd.nextBoolean() ? "F" : "M";
        }
        if (given == null) {
            given = "F".equals(sex) ? pick(GIVEN_F) : pick(GIVEN_M);
        }
        NhsNumber nhs;
        do {
            nhs = TestRangeNhsNumbers.randomValid(rnd);
        } while (!usedNhs.add(nhs.digits()));
        String mrn;
        do {
            mrn = "" + (char) ('A' + rnd.nextInt(26)) + String.format("%07d", rnd.nextInt(10_000_000));
        } while (!usedMrn.add(mrn));
        return new Patient(nhs, mrn, family, given, dob == null ? randomDob() : dob, sex,
                postcode == null ? randomPostcode() : postcode);
    }

    /** The latest date of birth a random patient can have (1925-01-01 plus 99 years of 365 days). */
    private static final LocalDate LATEST_DOB = LocalDate.of(1925, 1, 1).plusDays(365 * 99);

    private LocalDate randomDob() {
        return LocalDate.of(1925, 1, 1).plusDays(rnd.nextInt(365 * 99));
    }

    private String randomPostcode() {
        String area = POSTCODE_AREAS[rnd.nextInt(POSTCODE_AREAS.length)];
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return area + (1 + rnd.nextInt(19)) + " " + rnd.nextInt(10)
                + letters.charAt(rnd.nextInt(letters.length())) + letters.charAt(rnd.nextInt(letters.length()));
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }
}
