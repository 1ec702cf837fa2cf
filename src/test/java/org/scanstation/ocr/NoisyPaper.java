package org.scanstation.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/** Test pages of grey, noisy paper, optionally with one line of print. */
public final class NoisyPaper {

    private NoisyPaper() {
    }

    /** Grey paper (level {@code paper}) with Gaussian noise, and {@code line} printed in grey {@code ink}. */
    public static BufferedImage noisyPage(int paper, int ink, double noise, String line) {
        BufferedImage img = new BufferedImage(1600, 900, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        if (line != null) {
            g.setColor(new Color(ink, ink, ink));
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
            g.drawString(line, 100, 400);
        }
        g.dispose();
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Random r = new Random(7);
        for (int i = 0; i < px.length; i++) {
            int v = (px[i] & 0xff) + (int) Math.round(r.nextGaussian() * noise);
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return img;
    }
}
