package org.scanstation.image;

import java.io.File;
import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * A PDF for PDFBox, from a file or from memory, that checks the current page's deadline at every read,
 * so parsing a damaged cross-reference table or decoding a stream stops when the page's time is up. Its
 * views (PDFBox reads every stream through one) read through it, so they are checked too; PDFBox's own
 * would open an unchecked copy per thread. {@link RandomAccessRead#close()} from another thread makes a
 * parser that ignored its deadline fail.
 */
interface DeadlineRandomAccessRead extends RandomAccessRead {

    void deadline(PageDeadline d);

    static DeadlineRandomAccessRead of(File file) throws IOException {
        return new FromFile(file);
    }

    static DeadlineRandomAccessRead of(byte[] pdf) {
        return new FromMemory(pdf);
    }

    /** A PDF file. */
    final class FromFile extends RandomAccessReadBufferedFile implements DeadlineRandomAccessRead {
        private volatile PageDeadline deadline = PageDeadline.none();

        FromFile(File file) throws IOException {
            super(file);
        }

        @Override
        public void deadline(PageDeadline d) {
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

        @Override
        public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
            return new RandomAccessReadView(this, startPosition, streamLength);
        }
    }

    /** A PDF held in memory (as a scanner sends it). */
    final class FromMemory extends RandomAccessReadBuffer implements DeadlineRandomAccessRead {
        private volatile PageDeadline deadline = PageDeadline.none();

        FromMemory(byte[] pdf) {
            super(pdf);
        }

        @Override
        public void deadline(PageDeadline d) {
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

        @Override
        public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
            return new RandomAccessReadView(this, startPosition, streamLength);
        }
    }
}
