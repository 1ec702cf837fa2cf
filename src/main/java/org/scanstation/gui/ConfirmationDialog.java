package org.scanstation.gui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

/**
 * Shows a {@link Confirmation} as a modal dialog over the window: the question, the facts to check in large
 * type, the page beside them; the action runs only when its own button is pressed (for a filing to a patient, Enter and Escape cancel).
 */
public final class ConfirmationDialog {

    private ConfirmationDialog() {
    }

    /** Asks (after the current event), then runs {@code confirmed} or {@code cancelled}. */
    public static void ask(Node owner, Confirmation c, Runnable confirmed, Runnable cancelled) {
        Platform.runLater(() -> {
            Dialog<ButtonType> d = new Dialog<>();
            d.setTitle(c.title());
            d.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null && owner.getScene().getWindow() != null) {
                d.initOwner(owner.getScene().getWindow());
            }
            Label question = new Label(c.question());
            question.setWrapText(true);
            question.getStyleClass().add("confirm-question");
            question.setMaxWidth(560);
            VBox text = new VBox(10, question);
            for (String fact : c.facts()) {
                Label l = new Label(fact);
                l.setWrapText(true);
                l.setMaxWidth(560);
                l.getStyleClass().add("confirm-fact");
                text.getChildren().add(l);
            }
            HBox content = new HBox(18, text);
            if (c.picture() != null) {
                ImageView page = new ImageView(c.picture());
                page.setPreserveRatio(true);
                page.setFitWidth(340);
                page.setFitHeight(460);
                page.setId("confirmPicture");
                page.setAccessibleText("The page the decision is about");
                content.getChildren().add(0, page);
            }
            content.setPadding(new Insets(8));
            d.getDialogPane().setContent(content);
            d.getDialogPane().setId(c.id() + "Dialog");
            if (owner.getScene() != null) {
                d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            ButtonType yes = new ButtonType(c.confirmText(), ButtonBar.ButtonData.OK_DONE);
            ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
            d.getDialogPane().getButtonTypes().setAll(yes, no);
            Button yesButton = (Button) d.getDialogPane().lookupButton(yes);
            yesButton.setId("confirmButton");
            yesButton.setMnemonicParsing(false);
            // the confirming button is as wide as its text ("File to MURPHY, Liam" is never cut to "MURPHY, Li...")
            yesButton.setMinWidth(Region.USE_PREF_SIZE);
            ButtonBar.setButtonUniformSize(yesButton, false);
            Button noButton = (Button) d.getDialogPane().lookupButton(no);
            noButton.setId("cancelButton");
            if (c.ownButtonOnly()) {
                // Enter (and Escape) cancel: filing to a patient needs its own button, never the key that asked
                yesButton.setDefaultButton(false);
                noButton.setDefaultButton(true);
                d.setOnShown(e -> noButton.requestFocus());
            }
            d.setResultConverter(b -> b);
            boolean ok = d.showAndWait().filter(yes::equals).isPresent();
            if (ok) {
                confirmed.run();
            } else {
                cancelled.run();
            }
        });
    }
}
