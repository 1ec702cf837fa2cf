package org.scanstation.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.model.PageId;

/** A JPEG scan's quality, estimated from its header, caps the quality its page is compressed at again. */
class SourceJpegQualityTest {

    @TempDir
    Path dir;

    private Path jpeg(String name, float quality) throws Exception {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.BLACK);
        g.drawString("Scanned text", 50, 150);
        g.dispose();
        Path file = dir.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    @Test
    void theQualityAJpegWasSavedAtIsFoundAgain() throws Exception {
        for (float q : new float[] {0.3f, 0.55f, 0.7f, 0.85f, 0.95f}) {
            assertThat(SourceJpegQuality.of(PageId.single(jpeg("q" + q + ".jpg", q)))).as("quality " + q).isCloseTo(q, within(0.02f));
        }
    }

    @Test
    void pagesThatAreNotJpegFilesAreNotCapped() throws Exception {
        Path png = dir.resolve("page.png");
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        assertThat(SourceJpegQuality.of(PageId.single(png))).isEqualTo(1f);
        Path fake = Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");
        assertThat(SourceJpegQuality.of(PageId.single(fake))).isEqualTo(1f);
        assertThat(SourceJpegQuality.of(new PageId(jpeg("multi.jpg", 0.5f), 2, true))).isEqualTo(1f);
    }
}
