package org.scanstation.image;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import javax.imageio.stream.FileImageInputStream;

/**
 * A file for an Image I/O reader that checks the current page's deadline at every read, so a reader
 * that loops over the file (a page chain pointing back, a corrupt stream) stops when the page's time
 * is up. {@link #close()} from another thread makes a reader that ignored its deadline fail.
 */
final class DeadlineImageInputStream extends FileImageInputStream {

    private volatile PageDeadline deadline = PageDeadline.none();

    DeadlineImageInputStream(File file) throws IOException {
        super(new RandomAccessFile(file, "r"));
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
