package org.scanstation.gui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import org.scanstation.logging.Redactor;

/**
 * The window's messages (status lines, errors, the upload queue's last problem) as they are shown:
 * passed through {@link Redactor#shared()}, so an identifier quoted by a server or a library never
 * appears there. The screens that show a patient on purpose (the review candidate, a page's match)
 * do not use it.
 */
public final class Shown {

    private Shown() {
    }

    /** The message as it may be shown. */
    public static String message(String text) {
        return Redactor.mask(text);
    }

    /** A binding that shows {@code source} masked, following its changes. */
    public static StringBinding message(ObservableStringValue source) {
        return Bindings.createStringBinding(() -> message(source.get()), source);
    }
}
