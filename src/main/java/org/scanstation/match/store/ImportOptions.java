package org.scanstation.match.store;

import java.nio.charset.Charset;
import java.time.Clock;

/**
 * How strict an import is.
 *
 * @param charset            the extract's character set as IT declared it, or null to detect it
 * @param maxRefusedRows     rows that may be refused (counted and listed) before the import fails as a whole
 * @param maxRemovedPercent  a refresh that would remove more of the current patients than this fails
 *                           (a truncated extract looks exactly like mass removals)
 */
public record ImportOptions(Charset charset, long maxRefusedRows, double maxRemovedPercent, Clock clock) {

    /** Nothing refused, at most 5 % of the patients removed, character set detected. */
    public static ImportOptions strict() {
        return new ImportOptions(null, 0, 5.0, Clock.systemUTC());
    }

    public ImportOptions withCharset(Charset cs) {
        return new ImportOptions(cs, maxRefusedRows, maxRemovedPercent, clock);
    }

    public ImportOptions withMaxRefusedRows(long n) {
        return new ImportOptions(charset, n, maxRemovedPercent, clock);
    }

    public ImportOptions withMaxRemovedPercent(double percent) {
        return new ImportOptions(charset, maxRefusedRows, percent, clock);
    }

    public ImportOptions withClock(Clock c) {
        return new ImportOptions(charset, maxRefusedRows, maxRemovedPercent, c);
    }
}
