package org.scanstation.samples;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Resolves a {@link LabelLayout.TypeFace} to an installed font family, falling back to Java's logical fonts. */
final class Fonts {

    private static final Map<LabelLayout.TypeFace, String> RESOLVED = new ConcurrentHashMap<>();
    private static volatile Set<String> installed;

    private Fonts() {
    }

    static Font font(LabelLayout.TypeFace face, boolean bold, float sizePx) {
        String family = RESOLVED.computeIfAbsent(face, Fonts::resolve);
        return new Font(family, bold ? Font.BOLD : Font.PLAIN, 10).deriveFont(sizePx);
    }

    private static String resolve(LabelLayout.TypeFace face) {
        if (installed == null) {
            installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        }
        String[] families = face.families();
        for (String f : families) {
            if (installed.contains(f)) {
                return f;
            }
        }
        return families[families.length - 1];
    }
}
