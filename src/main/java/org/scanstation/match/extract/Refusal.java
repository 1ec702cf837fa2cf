package org.scanstation.match.extract;

/** Why a row of the extract is not used: its kind (for the counts) and the problem, with file, line and field. */
public record Refusal(Kind kind, ExtractProblem problem) {

    public enum Kind {
        INVALID_NHS_NUMBER("with an invalid NHS number"),
        DUPLICATE_NHS_NUMBER("with a duplicate NHS number"),
        DUPLICATE_HOSPITAL_NUMBER("with a duplicate hospital number"),
        MISSING_FIELDS("with missing fields"),
        EXTRA_FIELDS("with extra fields"),
        INVALID_VALUE("with an invalid or empty value"),
        MERGE("with a merge that cannot be applied");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
