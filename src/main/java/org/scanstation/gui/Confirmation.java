package org.scanstation.gui;

import java.util.List;
import javafx.scene.image.Image;

/**
 * A question a screen asks before it acts (deleting pages, filing a document to a patient): what it will do,
 * the facts to check (e.g. the patient's name, NHS number, date of birth and hospital number), optionally
 * the page beside them, and the words of the button that does it. The view shows it as a dialog; the view
 * model acts only when it is confirmed.
 *
 * @param facts   lines to check, shown large; may be empty
 * @param picture the page the decision is about, or null
 * @param id      a name tests and styles find the dialog by
 */
public record Confirmation(String id, String title, String question, List<String> facts, String confirmText,
                           Image picture, Runnable action) {

    public Confirmation {
        facts = List.copyOf(facts);
    }
}
