package org.scanstation.doctor;

import java.util.List;

/**
 * The outcome of one check, in plain words.
 *
 * @param check   what was checked, e.g. "Tesseract OCR"
 * @param status  OK, INFO, WARN or FAIL
 * @param summary one sentence: what was found, or what is wrong and how to fix it
 * @param details further lines (files read, devices found), may be empty
 */
public record CheckResult(String check, CheckStatus status, String summary, List<String> details) {

    public CheckResult {
        details = List.copyOf(details);
    }

    public static CheckResult of(String check, CheckStatus status, String summary, String... details) {
        return new CheckResult(check, status, summary, List.of(details));
    }
}
