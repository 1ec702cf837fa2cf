package org.scanstation.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.Result;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.Patient;

class SampleBatchGeneratorTest {

    private static final List<String> PAGE_KEYS = List.of("kind", "expect", "nhs_number", "document", "labelled",
            "prints_ids", "trap", "layout", "level", "rotation", "dpi", "source", "skew");
    private static final List<String> OTHER_KEYS = List.of("kind", "expect", "document", "dpi", "source", "skew");

    @Test
    void the_same_seed_writes_the_same_files_and_another_seed_does_not(@TempDir Path a, @TempDir Path b,
                                                                       @TempDir Path c) throws IOException {
        GeneratorSettings s = GeneratorSettings.defaults(42).withPages(6).withDpi(200).withPatients(20);
        SampleBatchGenerator.generate(a, s);
        SampleBatchGenerator.generate(b, s);
        SampleBatchGenerator.generate(c, s.withSeed(43));

        assertThat(fileNames(a)).isEqualTo(fileNames(b)).hasSize(8);
        for (String name : fileNames(a)) {
            assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
        }
        assertThat(Files.readString(c.resolve("patients.csv"))).isNotEqualTo(Files.readString(a.resolve("patients.csv")));
        assertThat(Files.readAllBytes(c.resolve("truth.json"))).isNotEqualTo(Files.readAllBytes(a.resolve("truth.json")));
    }

    @Test
    void patients_csv_has_the_contract_header_valid_test_range_numbers_and_near_duplicates() throws IOException {
        GeneratedBatch batch = GeneratedBatchFixture.mixed();
        List<String> lines = Files.readAllLines(batch.patientsCsv(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode");
        assertThat(lines).hasSize(61);
        Set<String> nhs = new HashSet<>();
        Set<String> mrn = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(7);
            assertThat(f[0]).startsWith("999").hasSize(10);
            assertThat(NhsNumber.hasValidCheckDigit(f[0])).as(line).isTrue();
            assertThat(f[1]).matches("[A-Z][0-9]{7}");
            assertThat(f[4]).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(f[5]).isIn("F", "M");
            assertThat(nhs.add(f[0])).as("duplicate NHS number " + f[0]).isTrue();
            assertThat(mrn.add(f[1])).as("duplicate MRN " + f[1]).isTrue();
        }
        Map<String, List<Patient>> byFamily = batch.index().stream().collect(Collectors.groupingBy(Patient::familyName));
        assertThat(byFamily.values()).as("patients sharing a family name").anyMatch(g -> g.size() > 1);
        assertThat(byFamily.values()).as("twins: same family name and date of birth, different given name")
                .anyMatch(g -> g.stream().map(Patient::dateOfBirth).distinct().count() < g.size()
                        && g.stream().map(Patient::givenName).distinct().count() == g.size());
    }

    @Test
    void truth_json_has_the_shared_schema_and_agrees_with_the_files() throws IOException {
        GeneratedBatch batch = GeneratedBatchFixture.mixed();
        JsonNode root = new ObjectMapper().readTree(batch.truthJson().toFile());
        assertThat(fieldNames(root)).containsExactly("seed", "dpi", "layouts", "pages");
        assertThat(root.get("seed").asLong()).isEqualTo(5);
        assertThat(root.get("layouts")).hasSize(LabelLayouts.catalogue().size());
        Set<String> index = batch.index().stream().map(p -> p.nhsNumber().digits()).collect(Collectors.toSet());

        JsonNode pages = root.get("pages");
        assertThat(pages).hasSize(36);
        assertThat(fileNames(batch.batchDir())).hasSize(36);
        int lastDocument = -1;
        for (int i = 0; i < pages.size(); i++) {
            JsonNode p = pages.get(i);
            String kind = p.get("kind").asText();
            String source = p.get("source").asText();
            assertThat(source).matches(String.format("%04d\\.(jpg|png|tif)", i + 1));
            assertThat(fieldNames(p)).as(source).containsExactlyElementsOf(kind.equals("page") ? PAGE_KEYS : OTHER_KEYS);
            assertThat(Math.abs(p.get("skew").asDouble())).isLessThanOrEqualTo(4.0);
            BufferedImage img = ImageIO.read(batch.batchDir().resolve(source).toFile());
            assertThat(img).as(source).isNotNull();
            int rotation = kind.equals("page") ? p.get("rotation").asInt() : 0;
            boolean sideways = rotation == 90 || rotation == 270;
            assertThat(sideways ? img.getHeight() : img.getWidth()).as(source).isEqualTo(1653);
            switch (kind) {
                case "separator" -> {
                    assertThat(p.get("expect").asText()).isEqualTo("separator");
                    assertThat(p.get("document").isNull()).isTrue();
                }
                case "blank" -> {
                    assertThat(p.get("expect").asText()).isEqualTo("blank");
                    assertThat(p.get("document").asInt()).as("a back side belongs to its sheet").isEqualTo(lastDocument);
                }
                default -> {
                    int doc = p.get("document").asInt();
                    assertThat(doc).as(source).isBetween(lastDocument, lastDocument + 1);
                    if (i > 0 && pages.get(i - 1).get("kind").asText().equals("separator")) {
                        assertThat(doc).as("a separator starts a new document").isEqualTo(lastDocument + 1);
                    }
                    lastDocument = doc;
                    assertThat(rotation).isIn(0, 90, 180, 270);
                    assertThat(p.get("level").asInt()).isBetween(0, 3);
                    assertThat(p.get("labelled").asBoolean()).isEqualTo(!p.get("layout").isNull());
                    if (p.get("expect").asText().equals("matched")) {
                        assertThat(index).as(source).contains(p.get("nhs_number").asText());
                    } else {
                        assertThat(p.get("expect").asText()).isEqualTo("review");
                        assertThat(p.get("trap").isNull()).as(source + " is a review page without a trap").isFalse();
                    }
                }
            }
        }
    }

    @Test
    void truth_json_uses_exactly_the_keys_of_the_shared_public_corpus() throws IOException {
        Path shared = Path.of("../shared/corpus/public-01/truth.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "shared corpus not present");
        JsonNode ref = new ObjectMapper().readTree(shared.toFile());
        JsonNode ours = new ObjectMapper().readTree(GeneratedBatchFixture.mixed().truthJson().toFile());
        assertThat(fieldNames(ours)).isEqualTo(fieldNames(ref));
        for (String kind : List.of("page", "blank", "separator")) {
            assertThat(keysOf(ours, kind)).as(kind).isEqualTo(keysOf(ref, kind));
        }
    }

    @Test
    void the_shared_scorer_reads_the_truth_and_a_perfect_result_scores_perfectly(@TempDir Path tmp) throws Exception {
        Path scorer = Path.of("../shared/tools/score-analysis").toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(scorer), "shared scorer not present");
        GeneratedBatch batch = GeneratedBatchFixture.mixed();
        List<Map<String, Object>> pages = new ArrayList<>();
        for (GeneratedPage g : batch.pages()) {
            TruthPage t = g.truth();
            Map<String, Object> p = new java.util.LinkedHashMap<>();
            p.put("source", t.source());
            p.put("status", t.expect());
            p.put("patient", t.nhsNumber() == null || !t.expect().equals("matched") ? null : Map.of("nhsNumber", t.nhsNumber()));
            p.put("rotation", t.rotation());
            p.put("document", t.isContent() ? t.document() : null);
            pages.add(p);
        }
        Path result = tmp.resolve("result.json");
        new ObjectMapper().writeValue(result.toFile(), Map.of("pages", pages));
        Process proc = new ProcessBuilder("python3", scorer.toString(), batch.truthJson().toString(), result.toString(), "--json")
                .redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor()).as(out).isZero();
        JsonNode score = new ObjectMapper().readTree(out);
        assertThat(score.get("missing").asInt()).isZero();
        assertThat(score.get("misfiled").asInt()).isZero();
        assertThat(score.get("dropped").asInt()).isZero();
        assertThat(score.get("auto_rate").asDouble()).isEqualTo(1.0);
        assertThat(score.get("traps_caught").asDouble()).isEqualTo(1.0);
        assertThat(score.get("boundary_acc").asDouble()).isEqualTo(1.0);
    }

    @Test
    void every_label_lies_inside_its_page_image_after_skew_and_rotation() throws IOException {
        int labels = 0;
        Set<Integer> rotations = new HashSet<>();
        for (GeneratedBatch batch : List.of(GeneratedBatchFixture.mixed(), GeneratedBatchFixture.cleanRandomLayouts())) {
            for (GeneratedPage g : batch.pages()) {
                BufferedImage img = ImageIO.read(g.file().toFile());
                for (PlacedLabel l : g.labels()) {
                    labels++;
                    rotations.add(g.truth().rotation());
                    for (Point2D c : l.corners()) {
                        assertThat(c.getX()).as(g.truth().source()).isBetween(0.0, (double) img.getWidth());
                        assertThat(c.getY()).as(g.truth().source()).isBetween(0.0, (double) img.getHeight());
                    }
                }
            }
        }
        assertThat(labels).isGreaterThan(15);
        assertThat(rotations).as("labels on turned pages were checked too").hasSizeGreaterThan(1);
    }

    @Test
    void zxing_decodes_every_intact_barcode_on_clean_pages() throws IOException {
        int decoded = 0;
        Set<LabelLayout.Symbology> seen = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (GeneratedBatch batch : List.of(GeneratedBatchFixture.mixed(), GeneratedBatchFixture.cleanRandomLayouts())) {
            for (GeneratedPage g : batch.pages()) {
                if (g.truth().level() != 0 || !g.truth().isContent()) {
                    continue;
                }
                BufferedImage img = ImageIO.read(g.file().toFile());
                for (PlacedLabel l : g.labels()) {
                    if (l.symbology() == LabelLayout.Symbology.NONE || l.content().damagedBarcode()) {
                        continue;
                    }
                    Optional<Result> r = BarcodeDecoding.decode(img, l.barcodeBounds(), g.truth().rotation(), l.symbology());
                    String expected = l.content().barcodePayload();
                    if (r.isEmpty() || !r.get().getText().replace("\u001d", "").equals(expected)) {
                        failures.add(g.truth().source() + " " + l.layoutId() + " " + l.symbology() + " expected " + expected
                                + " got " + r.map(Result::getText).orElse("nothing"));
                    } else {
                        decoded++;
                        seen.add(l.symbology());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(decoded).isGreaterThanOrEqualTo(6);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void no_generated_patient_is_born_in_the_future_so_every_index_imports() {
        // seed 5001 made a younger sibling born in 2027, and the index import refused the whole batch
        java.time.LocalDate today = java.time.LocalDate.now();
        for (int seed = 0; seed < 400; seed++) {
            for (Patient p : SyntheticPopulation.generate(new java.util.Random(seed), 150).index()) {
                assertThat(p.dateOfBirth()).as("seed " + seed + ": " + p).isBefore(today);
            }
        }
    }

    @Test
    void a_damaged_barcode_does_not_give_its_payload_while_an_intact_one_on_the_same_layout_does() {
        SyntheticPopulation people = SyntheticPopulation.generate(new java.util.Random(3), 12);
        Patient p = people.index().get(0);
        PageRenderer renderer = new PageRenderer(200);
        for (LabelLayout layout : LabelLayouts.catalogue()) {
            if (layout.symbology() == LabelLayout.Symbology.NONE) {
                continue;
            }
            for (boolean damaged : new boolean[] {false, true}) {
                LabelContent content = LabelContent.of(p, layout);
                PagePlan plan = PlanFixtures.page(new LabelSpec(layout, damaged ? content.withDamagedBarcode() : content,
                        LabelPosition.TOP_LEFT));
                PageRenderer.Rendered r = renderer.render(plan);
                PlacedLabel l = r.labels().get(0);
                Optional<Result> read = BarcodeDecoding.decode(r.image(), l.barcodeBounds(), 0, l.symbology());
                String text = read.map(Result::getText).orElse("").replace("\u001d", "");
                if (damaged) {
                    // a scuffed Code 39 may still give a partial read: never the patient's payload
                    assertThat(text).as(layout.id() + " damaged").isNotEqualTo(content.barcodePayload());
                } else {
                    assertThat(text).as(layout.id() + " intact").isEqualTo(content.barcodePayload());
                }
            }
        }
    }

    @Test
    void every_file_states_its_resolution_so_readers_get_the_scale_right() throws IOException {
        Set<String> formats = new HashSet<>();
        for (GeneratedPage g : GeneratedBatchFixture.mixed().pages()) {
            String name = g.file().getFileName().toString();
            String ext = name.substring(name.indexOf('.') + 1);
            if (!formats.add(ext)) {
                continue;
            }
            try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(g.file().toFile())) {
                javax.imageio.ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                org.w3c.dom.Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_1.0");
                double mmPerPixel = Double.NaN;
                for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n.getNodeName().equals("Dimension")) {
                        for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                            if (c.getNodeName().equals("HorizontalPixelSize")) {
                                mmPerPixel = Double.parseDouble(((org.w3c.dom.Element) c).getAttribute("value"));
                            }
                        }
                    }
                }
                assertThat(25.4 / mmPerPixel).as(name).isCloseTo(200.0, org.assertj.core.data.Offset.offset(1.0));
                reader.dispose();
            }
        }
        assertThat(formats).containsExactlyInAnyOrder("jpg", "png", "tif");
    }

    private static List<String> keysOf(JsonNode root, String kind) {
        for (JsonNode p : root.get("pages")) {
            if (p.get("kind").asText().equals(kind)) {
                return fieldNames(p);
            }
        }
        return List.of();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
