package org.scanstation.pipeline;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a station analyses pages.
 *
 * @param separatorTexts          barcode texts that mark a separator sheet (case-insensitive)
 * @param hospitalNumberPattern   regular expression of a whole local hospital number
 * @param workers                 pages analysed in parallel
 */
public record AnalysisSettings(Set<String> separatorTexts, String hospitalNumberPattern, int workers) {

    public static final List<String> DEFAULT_SEPARATORS = List.of("SEPARATOR", "PATCHT");

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(Set.copyOf(DEFAULT_SEPARATORS), "[A-Z][0-9]{7}", BatchAnalyzer.defaultWorkers());
    }

    public AnalysisSettings withSeparators(List<String> texts) {
        return new AnalysisSettings(texts.stream().map(String::trim).collect(Collectors.toUnmodifiableSet()),
                hospitalNumberPattern, workers);
    }

    public AnalysisSettings withHospitalNumberPattern(String regex) {
        return new AnalysisSettings(separatorTexts, regex, workers);
    }

    public AnalysisSettings withWorkers(int n) {
        return new AnalysisSettings(separatorTexts, hospitalNumberPattern, n);
    }
}
