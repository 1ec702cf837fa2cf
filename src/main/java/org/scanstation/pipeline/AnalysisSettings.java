package org.scanstation.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.scanstation.image.ReadLimits;

/**
 * How a station analyses pages.
 *
 * @param separatorTexts          barcode texts that mark a separator sheet (case-insensitive)
 * @param hospitalNumberPattern   regular expression of a whole local hospital number
 * @param workers                 pages analysed in parallel
 * @param readLimits              the time one page may take to decode or render, the pages read from one file
 */
public record AnalysisSettings(Set<String> separatorTexts, String hospitalNumberPattern, int workers,
                               ReadLimits readLimits) {

    public static final List<String> DEFAULT_SEPARATORS = List.of("SEPARATOR", "PATCHT");

    public AnalysisSettings {
        readLimits = readLimits == null ? ReadLimits.defaults() : readLimits;
    }

    public AnalysisSettings(Set<String> separatorTexts, String hospitalNumberPattern, int workers) {
        this(separatorTexts, hospitalNumberPattern, workers, ReadLimits.defaults());
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(Set.copyOf(DEFAULT_SEPARATORS), "[A-Z][0-9]{7}", BatchAnalyzer.defaultWorkers());
    }

    public AnalysisSettings withSeparators(List<String> texts) {
        return new AnalysisSettings(texts.stream().map(String::trim).collect(Collectors.toUnmodifiableSet()),
                hospitalNumberPattern, workers, readLimits);
    }

    public AnalysisSettings withHospitalNumberPattern(String regex) {
        return new AnalysisSettings(separatorTexts, regex, workers, readLimits);
    }

    public AnalysisSettings withWorkers(int n) {
        return new AnalysisSettings(separatorTexts, hospitalNumberPattern, n, readLimits);
    }

    /** The time one page may take to decode or render before it is given up as a review page. */
    public AnalysisSettings withPageTimeLimit(Duration limit) {
        return new AnalysisSettings(separatorTexts, hospitalNumberPattern, workers, readLimits.withPageTimeLimit(limit));
    }
}
