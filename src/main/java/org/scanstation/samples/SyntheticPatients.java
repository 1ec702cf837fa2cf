package org.scanstation.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic PAS extract of any size, for benchmarks and tests: unique NHS numbers with valid check
 * digits (made up in the 400 range, retired ones in the 600 range: the 999 test range holds only about
 * 909,000 valid numbers, fewer than a large trust's index; a generated file, never real data), unique
 * hospital numbers, family names
 * drawn with the skew of real ones (a few very common names, a long tail), common given names, twins
 * (same family name, date of birth and postcode, other given name) and merged registrations.
 */
public final class SyntheticPatients {

    public static final String HEADER =
            "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode,merged_into_nhs_number,merged_into_mrn,merged_on";

    private static final String[] COMMON = {"SMITH", "JONES", "WILLIAMS", "TAYLOR", "BROWN", "DAVIES", "EVANS", "WILSON",
        "THOMAS", "JOHNSON", "ROBERTS", "ROBINSON", "THOMPSON", "WRIGHT", "WALKER", "WHITE", "EDWARDS", "HUGHES", "GREEN",
        "HALL", "LEWIS", "HARRIS", "CLARKE", "PATEL", "JACKSON", "WOOD", "TURNER", "MARTIN", "COOPER", "HILL", "WARD",
        "MORRIS", "MOORE", "CLARK", "LEE", "KING", "BAKER", "HARRISON", "MORGAN", "ALLEN", "JAMES", "SCOTT", "PHILLIPS",
        "WATSON", "DAVIS", "PARKER", "PRICE", "BENNETT", "YOUNG", "GRIFFITHS", "MITCHELL", "KELLY", "COOK", "CARTER",
        "RICHARDSON", "BAILEY", "COLLINS", "BELL", "SHAW", "MURPHY", "MILLER", "COX", "RICHARDS", "KHAN", "MARSHALL",
        "ANDERSON", "SIMPSON", "ELLIS", "ADAMS", "SINGH", "BEGUM", "WILKINSON", "FOSTER", "CHAPMAN", "POWELL", "WEBB",
        "ROGERS", "GRAY", "MASON", "ALI", "HUNT", "HUSSAIN", "CAMPBELL", "MATTHEWS", "OWEN", "PALMER", "HOLMES", "MILLS",
        "BARNES", "KNIGHT", "LLOYD", "BUTLER", "RUSSELL", "BARKER", "FISHER", "STEVENS", "JENKINS", "MURRAY", "DIXON",
        "HARVEY", "O'NEILL", "SMITH-JONES", "NGUYEN", "KOWALSKI", "BRONTË"};
    private static final String[] SYLLABLES = {"AB", "AL", "AN", "AR", "BA", "BE", "BOR", "BRI", "CA", "CHE", "DA", "DEN",
        "DOR", "EL", "EN", "FAR", "FEL", "GA", "GOR", "HA", "HOL", "IN", "KA", "KEN", "LA", "LEY", "LIN", "MA", "MER",
        "MOR", "NA", "NOR", "OL", "PER", "RA", "RID", "ROS", "SA", "SHAW", "SON", "STON", "TA", "TON", "VA", "WEL",
        "WICK", "WOOD", "WORTH", "YA", "ZE"};
    private static final String[] FEMALE = {"Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophia", "Grace", "Mia", "Poppy",
        "Ella", "Sarah", "Mary", "Margaret", "Susan", "Patricia", "Linda", "Elizabeth", "Aisha", "Zainab", "Priya",
        "Fatima", "Chloe", "Jessica", "Lily", "Ruby", "Hannah", "Sophie", "Emma", "Lucy", "Joan", "Zoë", "Siân"};
    private static final String[] MALE = {"Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Muhammad",
        "Thomas", "Oscar", "William", "James", "David", "John", "Michael", "Paul", "Peter", "Stephen", "Arjun", "Ravi",
        "Daniel", "Joseph", "Samuel", "Robert", "Richard", "Mark", "Andrew", "Christopher", "Ahmed", "Tomasz", "Rhys"};
    private static final long NHS_STRIDE = 7_654_321L;

    private SyntheticPatients() {
    }

    /** What {@link #write} wrote. */
    public record Written(Path file, int patients, int mergedRows, List<Sample> samples) {
    }

    /** A patient of the extract to look up in benchmarks. */
    public record Sample(String nhs, String mrn, String familyName, String dateOfBirth) {
    }

    /** {@code n} rows of the seven standard columns (no merges), without the header. */
    public static List<String> rows(int n, long seed) {
        List<String> out = new ArrayList<>(n);
        generate(n, seed, 0, (row, merged) -> out.add(String.join(",", List.of(row).subList(0, 7))));
        return out;
    }

    /**
     * Writes an extract of {@code patients} live patients (UTF-8, RFC 4180) plus merged registrations for
     * about {@code mergedPerThousand} of them.
     */
    public static Written write(Path file, int patients, long seed, int mergedPerThousand) throws IOException {
        List<Sample> samples = new ArrayList<>();
        int[] merged = {0};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write("\r\n");
            IOException[] failure = {null};
            generate(patients, seed, mergedPerThousand, (row, isMerge) -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            w.write(',');
                        }
                        w.write(quoted(row[i]));
                    }
                    w.write("\r\n");
                } catch (IOException e) {
                    failure[0] = e;
                }
                if (isMerge) {
                    merged[0]++;
                } else if (samples.size() < 20_000 && Math.floorMod(row[0].hashCode(), Math.max(1, patients / 20_000)) == 0) {
                    samples.add(new Sample(row[0], row[1], row[2], row[4]));
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return new Written(file, patients, merged[0], samples);
    }

    private interface Sink {
        void row(String[] fields, boolean merged);
    }

    private static void generate(int patients, long seed, int mergedPerThousand, Sink sink) {
        Random r = new Random(seed);
        List<String> tail = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            tail.add(SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)].toLowerCase()
                    + (r.nextBoolean() ? SYLLABLES[r.nextInt(SYLLABLES.length)].toLowerCase() : ""));
        }
        long serial = Math.floorMod(seed * 1_000_003L, 100_000_000L);
        long retiredSerial = serial;
        LocalDate start = LocalDate.of(1925, 1, 1);
        int written = 0;
        String[] twin = null;
        while (written < patients) {
            String nhs = nextNhs(400_000_000L, serial);
            serial++;
            if (nhs == null) {
                continue;
            }
            String mrn = String.format("%c%07d", (char) ('A' + written % 23), Math.floorMod((written / 23) * 7919L + seed, 10_000_000L));
            String[] row;
            if (twin != null) {
                boolean female = r.nextBoolean();
                row = new String[]{nhs, mrn, twin[2], given(r, female), twin[4], female ? "F" : "M", twin[6], "", "", ""};
                twin = null;
            } else {
                boolean female = r.nextBoolean();
                String family = r.nextInt(100) < 35 ? COMMON[zipf(r, COMMON.length)] : tail.get(r.nextInt(tail.size())).toUpperCase();
                LocalDate dob = start.plusDays(r.nextInt(36_500));
                String postcode = "LE" + (1 + r.nextInt(19)) + " " + (1 + r.nextInt(9)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
                row = new String[]{nhs, mrn, family, given(r, female), dob.toString(), female ? "F" : "M", postcode, "", "", ""};
                if (r.nextInt(100) == 0) {
                    twin = row;
                }
            }
            sink.row(row, false);
            written++;
            if (mergedPerThousand > 0 && r.nextInt(1000) < mergedPerThousand) {
                String mergedOn = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3000)).toString();
                String oldMrn = String.format("%c%07d", r.nextBoolean() ? 'X' : 'Y', Math.floorMod(retiredSerial * 7919L, 10_000_000L));
                String oldNhs = null;
                while (oldNhs == null) {
                    oldNhs = r.nextInt(3) == 0 ? nextNhs(600_000_000L, retiredSerial) : nhs;
                    retiredSerial++;
                }
                sink.row(new String[]{oldNhs, oldMrn, row[2], row[3], row[4], row[5], row[6],
                    oldNhs.equals(nhs) ? "" : nhs, mrn, mergedOn}, true);
            }
        }
    }

    /** The NHS number at {@code serial} of a 100-million block, or null when no check digit exists for it. */
    private static String nextNhs(long block, long serial) {
        String nine = Long.toString(block + Math.floorMod(serial * NHS_STRIDE, 100_000_000L));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check == 10 ? null : nine + check;
    }

    private static String given(Random r, boolean female) {
        String[] names = female ? FEMALE : MALE;
        return names[zipf(r, names.length)];
    }

    /** An index skewed to the first entries, roughly as name frequencies are. */
    private static int zipf(Random r, int n) {
        double u = r.nextDouble();
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, u) - 1));
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("'") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
