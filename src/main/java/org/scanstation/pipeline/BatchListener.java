package org.scanstation.pipeline;

/** Hears about each page as soon as its analysis is final, in batch order. */
@FunctionalInterface
public interface BatchListener {

    void pageAnalysed(PageAnalysis page);
}
