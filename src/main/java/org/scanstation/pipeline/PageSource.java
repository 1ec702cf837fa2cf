package org.scanstation.pipeline;

import java.io.IOException;
import org.scanstation.image.PageSink;

/** Produces a batch's pages in feeder order: files, a scanner, a hot folder. */
@FunctionalInterface
public interface PageSource {

    void pages(PageSink sink) throws IOException, InterruptedException;
}
