package org.scanstation.gui;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/** Converts the core's AWT images for JavaFX. */
public final class Images {

    private Images() {
    }

    public static Image toFx(BufferedImage image) {
        return image == null ? null : SwingFXUtils.toFXImage(image, null);
    }
}
