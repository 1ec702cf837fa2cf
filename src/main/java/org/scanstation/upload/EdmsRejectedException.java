package org.scanstation.upload;

/**
 * The EDMS answered with a 4xx that retrying cannot fix (bad credentials, no permission, constraint
 * violated, content too large...). Carries the server's own error name and message.
 */
public final class EdmsRejectedException extends EdmsException {

    private final int status;
    private final String serverError;
    private final String serverMessage;

    public EdmsRejectedException(int status, String serverError, String serverMessage) {
        super("the EDMS refused the request (" + (status > 0 ? "HTTP " + status : "no HTTP answer")
                + (serverError == null ? "" : ", " + serverError) + ")"
                + (serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage), null);
        this.status = status;
        this.serverError = serverError;
        this.serverMessage = serverMessage;
    }

    public int status() {
        return status;
    }

    /** The server's error name (CMIS: {@code permissionDenied}, {@code constraint}, ...), may be null. */
    public String serverError() {
        return serverError;
    }

    public String serverMessage() {
        return serverMessage;
    }

    /** True for rejections about who we are (401, 403, 407): every later request would fail alike. */
    public boolean isAboutCredentials() {
        return status == 401 || status == 403 || status == 407;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
