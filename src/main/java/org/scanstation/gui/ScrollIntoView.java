package org.scanstation.gui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Keeps the control that has the focus in view inside a scrolling panel (keyboard users never work blind). */
public final class ScrollIntoView {

    private ScrollIntoView() {
    }

    /** From now on, whenever a node inside {@code pane} gets the focus, the pane scrolls to show it. */
    public static void follow(ScrollPane pane) {
        pane.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((p, was, now) -> show(pane, now));
            }
        });
    }

    /** Scrolls {@code pane} so that {@code node} (inside it) is in view. */
    public static void show(ScrollPane pane, Node node) {
        if (node == null || pane.getContent() == null || !isInside(node, pane.getContent())) {
            return;
        }
        Bounds content = pane.getContent().getLayoutBounds();
        Bounds view = pane.getViewportBounds();
        Bounds at = pane.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double hidden = content.getHeight() - view.getHeight();
        if (hidden <= 0 || at == null) {
            return;
        }
        double top = pane.getVvalue() * hidden;
        if (at.getMinY() < top) {
            pane.setVvalue(Math.max(0, at.getMinY() / hidden));
        } else if (at.getMaxY() > top + view.getHeight()) {
            pane.setVvalue(Math.min(1, (at.getMaxY() - view.getHeight()) / hidden));
        }
    }

    private static boolean isInside(Node node, Node root) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }
}
