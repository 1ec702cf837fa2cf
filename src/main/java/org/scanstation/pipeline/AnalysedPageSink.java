package org.scanstation.pipeline;

/**
 * Receives each analysed page with its upright image, on the analysis worker that made it (in parallel, not in
 * batch order), before its findings go on. Must not throw: a problem with what it builds is its own to report.
 */
@FunctionalInterface
public interface AnalysedPageSink {

    AnalysedPageSink NONE = page -> { };

    void accept(AnalysedPage page);
}
