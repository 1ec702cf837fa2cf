package org.scanstation.upload.cmis;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends a read (GET, HEAD) once more when it failed because the keep-alive connection it went out on had
 * been closed by the server while idle ("unexpected end of stream", a reset): servers close idle
 * connections after a few seconds (Apache httpd 5 s, Jetty 30 s), and the client only finds out when it
 * uses one. Such a failure is not an EDMS outage and must not be shown or counted as one. Writes are never
 * sent again here: whether a document was created is settled by the uploader's look-up by key, never by
 * repeating a POST. Timeouts and refused connections are real failures and are not repeated.
 */
final class StaleConnectionReadRetry implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = chain.request().method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return chain.proceed(chain.request());
        }
        try {
            return chain.proceed(chain.request());
        } catch (IOException e) {
            if (!closedByServer(e)) {
                throw e;
            }
            return chain.proceed(chain.request());
        }
    }

    /** True for the ways a connection the server already closed fails on its next use. */
    static boolean closedByServer(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof ConnectException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.startsWith("unexpected end of stream") || (t instanceof SocketException
                    && (m.contains("Connection reset") || m.contains("Broken pipe")))) {
                return true;
            }
        }
        return false;
    }
}
