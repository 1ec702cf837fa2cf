package org.scanstation.match;

/**
 * One patient identifier read from a page, as read: the value may fail its check digit or be
 * unknown to the index; the policy decides what that means.
 *
 * @param label index of the label it belongs to on the page (top to bottom), or -1 when not known
 */
public record IdentifierRead(Kind kind, String value, Source source, int label) {

    public enum Kind {
        NHS_NUMBER("NHS number"),
        HOSPITAL_NUMBER("hospital number");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public enum Source {
        BARCODE("barcode"),
        LABEL_TEXT("printed label"),
        PAGE_TEXT("page text");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** "NHS number 999 618 5311 (barcode)" for the reasons shown to a supervisor. */
    public String describe() {
        String v = kind == Kind.NHS_NUMBER && value.length() == 10
                ? value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6)
                : value;
        return kind.words() + " " + v + " (" + source.words() + ")";
    }
}
