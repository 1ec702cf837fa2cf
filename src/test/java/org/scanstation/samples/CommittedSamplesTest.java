package org.scanstation.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.scanstation.model.NhsNumber;

/** The demo batch committed in {@code samples/} (fed to the demo scanner and the first run) is complete and small. */
class CommittedSamplesTest {

    private static final Path SAMPLES = Path.of("samples");

    @Test
    void the_committed_demo_batch_is_small_and_its_truth_names_every_page() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.list(SAMPLES.resolve("batch"))) {
            pages = s.sorted().toList();
        }
        assertThat(pages).hasSizeBetween(12, 16);
        long bytes = 0;
        for (Path p : pages) {
            bytes += Files.size(p);
            assertThat(p.getFileName().toString()).matches("\\d{4}\\.jpg");
        }
        assertThat(bytes).isLessThan(4L * 1024 * 1024);

        JsonNode truth = new ObjectMapper().readTree(SAMPLES.resolve("truth.json").toFile());
        assertThat(truth.get("seed").asLong()).isEqualTo(SampleBatchGenerator.DEMO_SEED);
        assertThat(truth.get("pages")).hasSize(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            JsonNode t = truth.get("pages").get(i);
            assertThat(t.get("source").asText()).isEqualTo(pages.get(i).getFileName().toString());
            BufferedImage img = ImageIO.read(pages.get(i).toFile());
            assertThat(img.getType()).as("grey JPEG").isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        }
        assertThat(truth.get("pages").findValuesAsText("expect")).contains("matched", "review", "separator", "blank");

        List<String> csv = Files.readAllLines(SAMPLES.resolve("patients.csv"));
        assertThat(csv.get(0)).isEqualTo(PatientCsv.HEADER);
        assertThat(csv.subList(1, csv.size())).allMatch(l -> NhsNumber.hasValidCheckDigit(l.substring(0, 10)));
        assertThat(Files.readString(SAMPLES.resolve("README.md"))).contains("--demo").contains("SampleBatchGenerator");
    }
}
