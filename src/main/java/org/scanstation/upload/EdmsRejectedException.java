package org.scanstation.upload;

/**
 * The EDMS answered with a 4xx that retrying cannot fix (bad credentials, no permission, constraint
 * violated, content too large...). Carries the server's own error name and message.
 */
public final class EdmsRejectedException extends EdmsException {

    private final int status;
    private final String serverError;
    private final String serverMessage;
    private final boolean affectsEveryRequest;

    /** A rejection of this request; about every request when the status is 401, 403 or 407. */
    public EdmsRejectedException(int status, String serverError, String serverMessage) {
        this(status, serverError, serverMessage, status == 401 || status == 403 || status == 407);
    }

    /**
     * @param affectsEveryRequest true when the cause is the connection set-up (credentials, TLS trust,
     *                            repository id, URL), so every later request would be refused alike
     */
    public EdmsRejectedException(int status, String serverError, String serverMessage, boolean affectsEveryRequest) {
        super("the EDMS refused the request (" + (status > 0 ? "HTTP " + status : "no HTTP answer")
                + (serverError == null ? "" : ", " + serverError) + ")"
                + (serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage), null);
        this.status = status;
        this.serverError = serverError;
        this.serverMessage = serverMessage;
        this.affectsEveryRequest = affectsEveryRequest;
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

    /**
     * True for rejections of the connection itself (credentials, TLS trust, unknown repository, not a
     * CMIS URL): every later request would fail alike, so an upload run stops instead of failing each
     * document.
     */
    public boolean affectsEveryRequest() {
        return affectsEveryRequest;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
