package org.scanstation.samples;

import java.util.Random;
import org.scanstation.samples.LabelLayout.DobStyle;
import org.scanstation.samples.LabelLayout.NhsStyle;

/** Lines of letter text that identify the patient: a "Re:" line or a running header of a later page. */
final class IdLines {

    private IdLines() {
    }

    static String reLine(LabelContent c, Random rnd) {
        String nhs = NhsStyle.GROUPED.format(c.nhsDigits());
        return switch (rnd.nextInt(3)) {
            case 0 -> "Re: " + c.givenName() + " " + title(c.familyName()) + "  DOB " + DobStyle.SLASHES.format(c.dateOfBirth())
                    + "  NHS " + nhs;
            case 1 -> "RE: " + c.familyName().toUpperCase() + ", " + c.givenName() + " (DOB " + DobStyle.LONG.format(c.dateOfBirth())
                    + ")  NHS No " + c.nhsDigits();
            default -> "Patient: " + c.givenName() + " " + c.familyName().toUpperCase() + "   Born "
                    + DobStyle.ISO.format(c.dateOfBirth()) + "   NHS number " + nhs;
        };
    }

    static String runningHeader(LabelContent c, Random rnd) {
        String nhs = rnd.nextBoolean() ? NhsStyle.GROUPED.format(c.nhsDigits()) : c.nhsDigits();
        return c.familyName().toUpperCase() + ", " + c.givenName() + "   DOB " + DobStyle.DD_MMM_YYYY.format(c.dateOfBirth())
                + "   NHS " + nhs;
    }

    private static String title(String family) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char ch : family.toCharArray()) {
            sb.append(up ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
            up = !Character.isLetter(ch);
        }
        return sb.toString();
    }
}
