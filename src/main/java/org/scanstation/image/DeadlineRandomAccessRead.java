package org.scanstation.image;

import java.io.File;
import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A PDF file for PDFBox that checks the current page's deadline at every read, so parsing a damaged
 * cross-reference table or decoding a stream stops when the page's time is up. {@link #close()} from
 * another thread makes a parser that ignored its deadline fail.
 */
final class DeadlineRandomAccessRead extends RandomAccessReadBufferedFile {

    private volatile PageDeadline deadline = PageDeadline.none();

    DeadlineRandomAccessRead(File file) throws IOException {
        super(file);
    }

    void deadline(PageDeadline d) {
        this.deadline = d;
    }

    @Override
    public int read() throws IOException {
        deadline.check();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        deadline.check();
        return super.read(b, off, len);
    }
}
