package org.scanstation.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scanstation.model.HospitalNumberFormat;

/**
 * The shared synthetic batch public-01: we must find at least what zbar finds, every separator
 * sheet must read as a separator, and no barcode may disagree with the page's true NHS number.
 */
class Public01CorpusTest {

    private static final Path CORPUS = Path.of("../shared/corpus/public-01");

    /**
     * What {@code zbarimg -q} (Debian zbar-tools 0.23) reads on each page, recorded once: running
     * zbar over the 61 pages takes about 40 s. Page 0021 is left out on purpose: a blank back page
     * where zbar reads the front's label through the paper (a mirror image); not reading
     * show-through is right.
     */
    private static final Map<String, List<String>> ZBAR = Map.ofEntries(
            Map.entry("0006.jpg", List.of("9996185311")), Map.entry("0007.jpg", List.of("T0421871")),
            Map.entry("0009.jpg", List.of("SEPARATOR")), Map.entry("0010.png", List.of("9994595342")),
            Map.entry("0012.jpg", List.of("9994595342")), Map.entry("0014.jpg", List.of("9994595342")),
            Map.entry("0015.tif", List.of("K0602259")), Map.entry("0017.png", List.of("9999631509")),
            Map.entry("0018.tif", List.of("K1322775", "K8127875")), Map.entry("0020.jpg", List.of("K8127875")),
            Map.entry("0022.tif", List.of("K8127875")), Map.entry("0023.jpg", List.of("SEPARATOR")),
            Map.entry("0024.png", List.of("9994000896")), Map.entry("0026.tif", List.of("9994000896")),
            Map.entry("0028.jpg", List.of("9994000896")), Map.entry("0029.tif", List.of("SEPARATOR")),
            Map.entry("0031.jpg", List.of("9997445759")), Map.entry("0033.jpg", List.of("SEPARATOR")),
            Map.entry("0035.tif", List.of("SEPARATOR")), Map.entry("0036.jpg", List.of("9996168166")),
            Map.entry("0037.png", List.of("SEPARATOR")), Map.entry("0038.jpg", List.of("9991130608")),
            Map.entry("0044.jpg", List.of("9996036316")), Map.entry("0046.tif", List.of("R3865447")),
            Map.entry("0047.jpg", List.of("R3865447")), Map.entry("0048.tif", List.of("R3865447")),
            Map.entry("0049.tif", List.of("S2777487")), Map.entry("0051.tif", List.of("SEPARATOR")),
            Map.entry("0052.jpg", List.of("K7985697")), Map.entry("0055.tif", List.of("R5350228")),
            Map.entry("0058.jpg", List.of("SEPARATOR")), Map.entry("0059.jpg", List.of("T2118289")));

    @Test
    void findsAtLeastWhatZbarFindsReadsEverySeparatorAndNeverMisreads() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present: " + CORPUS.toAbsolutePath());
        JsonNode truth = new ObjectMapper().readTree(CORPUS.resolve("truth.json").toFile());
        ZxingBarcodeReader reader = new ZxingBarcodeReader();
        SeparatorRule separators = SeparatorRule.defaults();
        HospitalNumberFormat mrn = HospitalNumberFormat.defaultFormat();
        List<String> problems = new ArrayList<>();
        int ours = 0;
        for (JsonNode page : truth.get("pages")) {
            String source = page.get("source").asText();
            BufferedImage image = CorpusPages.load(CORPUS.resolve("batch").resolve(source)).get(0);
            List<Barcode> found = reader.read(image);
            ours += found.size();
            List<String> texts = found.stream().map(Barcode::text).toList();
            for (String z : ZBAR.getOrDefault(source, List.of())) {
                if (!texts.contains(z)) {
                    problems.add(source + ": zbar reads " + z + ", we read " + texts);
                }
            }
            boolean separatorPage = "separator".equals(page.get("kind").asText());
            boolean readAsSeparator = found.stream().anyMatch(separators::isSeparator);
            if (separatorPage != readAsSeparator) {
                problems.add(source + ": separator expected " + separatorPage + ", read " + texts);
            }
            JsonNode nhs = page.get("nhs_number");
            if (nhs != null && !nhs.isNull()) {
                for (Barcode b : found) {
                    BarcodePayload p = BarcodePayload.parse(b, mrn);
                    if (p.nhsDigits().isPresent() && !p.nhsDigits().get().equals(nhs.asText())) {
                        problems.add(source + ": MISREAD " + b.text() + " on a page of " + nhs.asText());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        int zbarTotal = ZBAR.values().stream().mapToInt(List::size).sum();
        assertThat(ours).isGreaterThanOrEqualTo(zbarTotal);
    }
}
