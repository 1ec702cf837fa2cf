package org.scanstation.station;

/**
 * Hears what the station does. Callbacks come from worker threads (never the UI thread); a UI
 * hands them over to its own thread. Every method has an empty default.
 */
public interface StationListener {

    /** A page of the open batch was scanned and analysed. */
    default void pageAdded(LivePage page) {
    }

    /** Pages of the open batch were removed, or the open batch was filed. */
    default void pagesChanged() {
    }

    default void progress(ScanProgress progress) {
    }

    /** The review queue or the upload queue changed. */
    default void queuesChanged() {
    }

    /** The EDMS connection changed: online or not, with a sentence for the clerk. */
    default void connection(boolean online, String text) {
    }

    /** Something the clerk should read (a scan ended, a scanner error, a batch filed). */
    default void notice(String text) {
    }

    /** What became of a supervisor's decision (it names the patient a document was filed to: show it to them only). */
    default void reviewNotice(String text) {
    }

    /** What became of "Retry now" or another upload action. */
    default void uploadNotice(String text) {
    }
}
