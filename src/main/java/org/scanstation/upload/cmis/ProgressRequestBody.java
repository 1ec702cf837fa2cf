package org.scanstation.upload.cmis;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.scanstation.upload.TransferProgress;

/** Document content as an OkHttp request body that reports the bytes written, in 64 KB steps. */
final class ProgressRequestBody extends RequestBody {

    private static final int STEP = 64 * 1024;

    private final byte[] content;
    private final MediaType type;
    private final TransferProgress progress;

    ProgressRequestBody(byte[] content, MediaType type, TransferProgress progress) {
        this.content = content;
        this.type = type;
        this.progress = progress;
    }

    @Override
    public MediaType contentType() {
        return type;
    }

    @Override
    public long contentLength() {
        return content.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        int offset = 0;
        progress.sent(0, content.length);
        while (offset < content.length) {
            int n = Math.min(STEP, content.length - offset);
            sink.write(content, offset, n);
            offset += n;
            progress.sent(offset, content.length);
        }
    }
}
