package org.scanstation.image;

import org.scanstation.model.PageId;

/** The outcome of decoding one page of an input: an image, or a reason why not. */
public sealed interface PageLoadResult {

    PageId id();

    record Loaded(ScannedPage page) implements PageLoadResult {
        @Override
        public PageId id() {
            return page.id();
        }
    }

    /** The file opened but this page cannot be decoded; it goes to review with {@code reason}. */
    record Unreadable(PageId id, String reason) implements PageLoadResult {
    }
}
