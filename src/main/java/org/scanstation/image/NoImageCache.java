package org.scanstation.image;

import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;

/**
 * PDFBox's resource cache without images and forms: by default it keeps every decoded XObject behind a
 * soft reference, so a long PDF fills the heap to its limit before anything is let go. Fonts and colour
 * spaces (small, shared by every page) are still kept.
 */
final class NoImageCache extends DefaultResourceCache {

    @Override
    public PDXObject getXObject(COSObject indirect) {
        return null;
    }

    @Override
    public void put(COSObject indirect, PDXObject xobject) {
        // not kept: see the class comment
    }
}
