package org.scanstation.samples;

import java.util.Random;
import org.scanstation.model.NhsNumber;

/**
 * NHS numbers in the 999 test range (never issued to a real person), valid and deliberately
 * invalid ones.
 */
final class TestRangeNhsNumbers {

    private TestRangeNhsNumbers() {
    }

    /** A random 999 number with a correct modulus-11 check digit. */
    static NhsNumber randomValid(Random rnd) {
        while (true) {
            StringBuilder sb = new StringBuilder("999");
            for (int i = 0; i < 6; i++) {
                sb.append(rnd.nextInt(10));
            }
            for (int check = 0; check <= 9; check++) {
                String candidate = sb.toString() + check;
                if (NhsNumber.hasValidCheckDigit(candidate)) {
                    return new NhsNumber(candidate);
                }
            }
            // the nine digits give a check value of 10: no valid number, draw again
        }
    }

    /**
     * A plausible mis-typing of a valid number (one digit changed or two neighbours swapped) that
     * fails the modulus-11 check.
     */
    static String corrupted(String valid, Random rnd) {
        for (int attempt = 0; attempt < 200; attempt++) {
            char[] d = valid.toCharArray();
            int i = 3 + rnd.nextInt(7);
            if (rnd.nextBoolean() && i < 9 && d[i] != d[i + 1]) {
                char t = d[i];
                d[i] = d[i + 1];
                d[i + 1] = t;
            } else {
                d[i] = (char) ('0' + (d[i] - '0' + 1 + rnd.nextInt(9)) % 10);
            }
            String s = new String(d);
            if (!NhsNumber.hasValidCheckDigit(s)) {
                return s;
            }
        }
        throw new IllegalStateException("could not corrupt " + valid);
    }
}
