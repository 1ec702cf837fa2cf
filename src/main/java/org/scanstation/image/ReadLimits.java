package org.scanstation.image;

import java.time.Duration;

/**
 * What reading one input may cost before a page is given up as a review page.
 *
 * @param pageTimeLimit   the time one page may take to decode or render (a PDF content stream can take
 *                        tens of seconds; a crafted file forever)
 * @param maxPagesPerFile pages read from one file; a longer page chain is cut with a review page saying so
 */
public record ReadLimits(Duration pageTimeLimit, int maxPagesPerFile) {

    public static final Duration DEFAULT_PAGE_TIME_LIMIT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_PAGES_PER_FILE = 10_000;
    /** The longest time limit accepted (one hour). */
    public static final Duration MAX_PAGE_TIME_LIMIT = Duration.ofHours(1);

    public ReadLimits {
        if (pageTimeLimit == null || pageTimeLimit.isNegative() || pageTimeLimit.isZero()
                || pageTimeLimit.compareTo(MAX_PAGE_TIME_LIMIT) > 0) {
            throw new IllegalArgumentException("the page time limit must be between 1 ms and 1 hour, not " + pageTimeLimit);
        }
        if (maxPagesPerFile < 1) {
            throw new IllegalArgumentException("the page cap must be at least 1, not " + maxPagesPerFile);
        }
    }

    public static ReadLimits defaults() {
        return new ReadLimits(DEFAULT_PAGE_TIME_LIMIT, DEFAULT_MAX_PAGES_PER_FILE);
    }

    public ReadLimits withPageTimeLimit(Duration limit) {
        return new ReadLimits(limit, maxPagesPerFile);
    }

    public ReadLimits withMaxPagesPerFile(int pages) {
        return new ReadLimits(pageTimeLimit, pages);
    }

    static String describe(Duration d) {
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMillis() + " ms";
    }
}
