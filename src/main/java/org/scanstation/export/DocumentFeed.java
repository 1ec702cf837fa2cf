package org.scanstation.export;

import org.scanstation.pipeline.BatchDocument;
import java.io.IOException;

/** The documents of a batch, handed out in batch order as each becomes complete (e.g. while analysis goes on). */
@FunctionalInterface
public interface DocumentFeed {

    /**
     * @return the next document, or null when the batch has no more
     * @throws IOException when the pages behind the feed could not be read or analysed
     */
    BatchDocument next() throws IOException, InterruptedException;
}
