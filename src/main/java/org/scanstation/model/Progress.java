package org.scanstation.model;

/**
 * Progress of a long operation (OCR of a batch, export, upload), reported to a GUI, a console or
 * nobody. Implementations must be thread-safe: work running in a pool reports from its worker threads.
 */
public interface Progress {

    /** Progress that goes nowhere. */
    Progress NONE = new Progress() {
        @Override
        public void started(int total) {
        }

        @Override
        public void advanced(int done, int total, String message) {
        }

        @Override
        public void finished() {
        }
    };

    /** The operation begins; {@code total} steps are expected. */
    void started(int total);

    /** {@code done} of {@code total} steps are complete; {@code message} says what just finished. */
    void advanced(int done, int total, String message);

    /** The operation ended (successfully or not); called exactly once after {@link #started}. */
    void finished();
}
