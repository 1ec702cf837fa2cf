package org.scanstation.samples;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.scanstation.model.Patient;
import org.scanstation.samples.LabelLayout.BarcodeContent;

/**
 * What one printed label says, and what its barcode encodes (normally the same patient; different on
 * purpose for trap pages).
 *
 * @param familyName     printed family name
 * @param givenName      printed given name
 * @param dateOfBirth    printed date of birth
 * @param sex            printed sex
 * @param nhsDigits      printed NHS number (ten digits, may fail the check on purpose)
 * @param mrn            printed hospital number
 * @param postcode       printed postcode
 * @param barcodePayload text the barcode encodes (empty when the layout has none)
 * @param damagedBarcode the barcode is torn/scratched so that it cannot be read
 */
public record LabelContent(String familyName, String givenName, LocalDate dateOfBirth, String sex, String nhsDigits,
                           String mrn, String postcode, String barcodePayload, boolean damagedBarcode) {

    /** The label of a patient, with a barcode for the same patient. */
    static LabelContent of(Patient p, LabelLayout layout) {
        return printedFor(p, p.nhsNumber().digits(), payload(layout.content(), p, p.nhsNumber().digits()));
    }

    /** Prints {@code printed}'s details with the given NHS digits and barcode payload. */
    static LabelContent printedFor(Patient printed, String nhsDigits, String payload) {
        return new LabelContent(printed.familyName(), printed.givenName(), printed.dateOfBirth(), printed.sex(),
                nhsDigits, printed.mrn(), printed.postcode(), payload, false);
    }

    LabelContent withDamagedBarcode() {
        return new LabelContent(familyName, givenName, dateOfBirth, sex, nhsDigits, mrn, postcode, barcodePayload, true);
    }

    /** The text a barcode of the given content type carries for a patient (NHS digits given separately). */
    static String payload(BarcodeContent content, Patient p, String nhsDigits) {
        switch (content) {
            case NHS:
                return nhsDigits;
            case MRN:
                return p.mrn();
            case GS1:
                return "8018" + gsrn(p.mrn()) + "91" + nhsDigits;
            case STRUCTURED:
                return "PID|" + nhsDigits + "|" + p.mrn() + "|" + p.familyName() + "^"
                        + p.givenName().toUpperCase() + "|" + DateTimeFormatter.BASIC_ISO_DATE.format(p.dateOfBirth());
            default:
                throw new IllegalArgumentException("no payload for " + content);
        }
    }

    /** An 18-digit GS1 service relation number: invented company prefix, the MRN's digits, mod-10 check. */
    static String gsrn(String mrn) {
        String digits = mrn.replaceAll("\\D", "");
        String body = "5099999" + String.format("%10s", digits).replace(' ', '0');
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? d * 3 : d;
        }
        return body + (10 - sum % 10) % 10;
    }
}
