package org.scanstation.export;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;

/** Gives back the raw images of pages analysed earlier (from their files, or from the batch store). */
@FunctionalInterface
public interface PageImageSource {

    /**
     * @return every requested page, keyed by id
     * @throws IOException when a page cannot be had any more (file gone, changed, undecodable)
     */
    Map<PageId, ScannedPage> load(List<PageId> ids) throws IOException, InterruptedException;
}
