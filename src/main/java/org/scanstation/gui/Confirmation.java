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
 * @param ownButtonOnly the action files to a patient: Enter (like Escape) cancels and only its own button acts,
 *                      so the key that asked can never also answer
 */
public record Confirmation(String id, String title, String question, List<String> facts, String confirmText,
                           Image picture, Runnable action, boolean ownButtonOnly) {

    public Confirmation {
        facts = List.copyOf(facts);
    }

    /** A question Enter may answer (the action can be undone and files nothing to a patient). */
    public Confirmation(String id, String title, String question, List<String> facts, String confirmText,
                        Image picture, Runnable action) {
        this(id, title, question, facts, confirmText, picture, action, false);
    }
}
