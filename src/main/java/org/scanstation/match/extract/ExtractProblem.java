package org.scanstation.match.extract;

import java.nio.file.Path;

/**
 * One thing wrong in a PAS extract, where it is: the file, the line (1 is the header) and the field
 * (a column name, or "column N" for a field the header has no name for).
 */
public record ExtractProblem(Path file, long line, String field, String message) {

    /** "patients.csv:3: nhs_number: 943 476 5918 fails the NHS number check digit". */
    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
