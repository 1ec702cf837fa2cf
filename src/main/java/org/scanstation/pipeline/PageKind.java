package org.scanstation.pipeline;

/** What a page is, before documents are assembled. */
public enum PageKind {
    /** A page with content: a letter, a form, a continuation page. */
    CONTENT,
    /** An empty page (the back of a duplex sheet). */
    BLANK,
    /** A separator sheet. */
    SEPARATOR,
    /** The file could not be decoded: a person must look. */
    UNREADABLE
}
