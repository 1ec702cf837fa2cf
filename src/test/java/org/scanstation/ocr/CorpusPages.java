package org.scanstation.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** The shared public-01 corpus: its labelled pages turned upright and deskewed, and the patient index. */
final class CorpusPages {

    static final Path ROOT = Path.of("../shared/corpus/public-01");

    record Patient(String nhs, String mrn, String family, String given, LocalDate dob) {
    }

    record Page(String source, String layout, String nhs, String trap, int rotation, double skew) {
    }

    private CorpusPages() {
    }

    static boolean available() {
        return Files.isRegularFile(ROOT.resolve("truth.json"));
    }

    static List<Page> labelledPages() throws IOException {
        JsonNode truth = new ObjectMapper().readTree(ROOT.resolve("truth.json").toFile());
        List<Page> pages = new ArrayList<>();
        for (JsonNode p : truth.get("pages")) {
            if (p.path("labelled").asBoolean(false)) {
                pages.add(new Page(p.get("source").asText(), p.path("layout").asText(null),
                        p.path("nhs_number").isNull() ? null : p.path("nhs_number").asText(null),
                        p.path("trap").isNull() ? null : p.path("trap").asText(null),
                        p.path("rotation").asInt(0), p.path("skew").asDouble(0)));
            }
        }
        return pages;
    }

    static Map<String, Patient> patients() throws IOException {
        Map<String, Patient> byNhs = new HashMap<>();
        List<String> lines = Files.readAllLines(ROOT.resolve("patients.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            byNhs.put(f[0], new Patient(f[0], f[1], f[2], f[3], LocalDate.parse(f[4])));
        }
        return byNhs;
    }

    /** The page as the pipeline hands it over: grey, turned upright, skew removed. */
    static BufferedImage upright(Page page) throws IOException {
        BufferedImage raw = ImageIO.read(ROOT.resolve("batch").resolve(page.source()).toFile());
        if (raw == null) {
            throw new IOException("cannot decode " + page.source());
        }
        int w = raw.getWidth();
        int h = raw.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.rotate(Math.toRadians(page.rotation() + SKEW_SIGN * page.skew()), w / 2.0, h / 2.0);
        g.drawImage(raw, t, null);
        g.dispose();
        return out;
    }

    /** Which way the corpus's "skew" turns the page (checked on a page by eye). */
    static double SKEW_SIGN = 1;
}
