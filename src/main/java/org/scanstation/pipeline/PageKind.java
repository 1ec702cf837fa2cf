package org.scanstation.pipeline;

/** What a page is, before documents are assembled. */
public enum PageKind {
    /** A page with content: a letter, a form, a continuation page. */
    CONTENT,
    /** An empty page (the back of a duplex sheet). */
    BLANK,
    /** A separator sheet. */
    SEPARATOR,
    /**
     * The page was not analysed: it could not be decoded, went over its time limit, ran out of memory,
     * or did not render cleanly. A person must look, and it ends the document before it
     * ({@link DocumentAssembler}).
     */
    UNREADABLE
}
