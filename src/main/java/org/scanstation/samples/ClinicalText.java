package org.scanstation.samples;

import java.util.Random;

/** Invented hospital letter and note wording (no real people, no real hospitals). */
final class ClinicalText {

    static final String[] HOSPITALS = {
        "Riverside General Hospital", "Kingsmead Royal Infirmary", "St Aldhelm's Hospital",
        "Northfield Community Hospital", "Westbrook University Hospitals", "Harlow Vale District Hospital"
    };
    static final String[] DEPARTMENTS = {
        "Cardiology", "Gastroenterology", "Respiratory Medicine", "Ophthalmology", "Renal Medicine",
        "Orthopaedics", "Diabetes and Endocrinology", "Paediatrics", "Care of the Elderly", "Dermatology",
        "Urology", "Neurology", "Rheumatology", "General Surgery"
    };
    static final String[] CLINICIANS = {
        "Achterberg", "Nwosu", "Lindqvist", "Ramanathan", "O'Leary", "Castellano", "Whitcombe", "Adeyemi",
        "Pemberton", "Sokolova", "Fairbairn", "Chaudhry", "Marchetti", "Haldane"
    };
    static final String[] TITLES = {
        "Outpatient Clinic Letter", "Discharge Summary", "Clinic Note", "Ward Round Entry", "Referral Letter",
        "Pre-operative Assessment", "Nursing Assessment"
    };
    private static final String[] SENTENCES = {
        "I reviewed this patient in the outpatient clinic today.",
        "The symptoms have improved since the last appointment.",
        "There were no new concerns on examination.",
        "Blood results were within normal limits apart from a mild anaemia.",
        "The medication dose was reduced to the lowest effective level.",
        "We discussed the options for further management at length.",
        "An echocardiogram has been requested and will be booked by the department.",
        "Chest radiograph showed no acute changes.",
        "Renal function remains stable on the current regimen.",
        "The family were present and agreed with the plan.",
        "Physiotherapy referral has been made.",
        "Please continue the repeat prescription as before.",
        "Blood pressure was recorded at one hundred and thirty over eighty.",
        "There is no indication for surgery at present.",
        "Follow up has been arranged in three months.",
        "The wound has healed satisfactorily and the sutures were removed.",
        "Weight is steady and appetite has returned to normal.",
        "Sleep remains disturbed; simple measures were advised.",
        "Inhaler technique was checked and found to be good.",
        "A further scan will be arranged if the pain persists.",
        "Mobility has improved with the walking frame.",
        "Allergies: none known.",
        "The patient was advised to seek help early if the symptoms return.",
        "Thank you for referring this patient to the clinic."
    };
    static final String[][] TESTS = {
        {"Haemoglobin", "g/L", "115-165"}, {"White cell count", "x10^9/L", "4.0-11.0"},
        {"Platelets", "x10^9/L", "150-400"}, {"Sodium", "mmol/L", "133-146"}, {"Potassium", "mmol/L", "3.5-5.3"},
        {"Urea", "mmol/L", "2.5-7.8"}, {"Creatinine", "umol/L", "45-84"}, {"CRP", "mg/L", "0-5"},
        {"Albumin", "g/L", "35-50"}, {"ALT", "U/L", "0-33"}, {"HbA1c", "mmol/mol", "20-41"}, {"TSH", "mU/L", "0.3-4.2"}
    };

    private ClinicalText() {
    }

    static String sentence(Random rnd) {
        return SENTENCES[rnd.nextInt(SENTENCES.length)];
    }

    static String pick(Random rnd, String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    /** A line of prose of roughly {@code words} words, made of whole sentences. */
    static String line(Random rnd, int maxChars) {
        StringBuilder sb = new StringBuilder(sentence(rnd));
        while (true) {
            String next = sentence(rnd);
            if (sb.length() + 1 + next.length() > maxChars) {
                return sb.toString();
            }
            sb.append(' ').append(next);
        }
    }
}
