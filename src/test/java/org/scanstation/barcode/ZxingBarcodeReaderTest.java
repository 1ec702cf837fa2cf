package org.scanstation.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.common.BitMatrix;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanstation.model.HospitalNumberFormat;

class ZxingBarcodeReaderTest {

    private static final ZxingBarcodeReader READER = new ZxingBarcodeReader();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    static Stream<Arguments> symbologyAndScanCondition() {
        List<Arguments> args = new ArrayList<>();
        Map<String, UnaryOperator<BufferedImage>> conditions = BarcodeRecallBenchmark.conditions();
        int i = 0;
        for (Map.Entry<BarcodeFormat, List<String>> e : BarcodeRecallBenchmark.PAYLOADS.entrySet()) {
            for (String condition : conditions.keySet()) {
                // rotate through the payloads so that every payload meets several conditions
                String payload = e.getValue().get(i++ % e.getValue().size());
                args.add(Arguments.of(e.getKey(), payload, condition));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("symbologyAndScanCondition")
    void readsEveryLabelSymbologyOnDegradedScans(BarcodeFormat format, String payload, String condition) {
        BufferedImage page = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(page, 300, 2400, "KING, William", format, payload);
        BufferedImage scan = BarcodeRecallBenchmark.conditions().get(condition).apply(page);

        List<Barcode> found = READER.read(scan);

        assertThat(found).extracting(Barcode::format, Barcode::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(format.name(), payload));
    }

    static Stream<Arguments> crookedLabels() {
        return Stream.of(
                Arguments.of(BarcodeFormat.CODE_128, "9434765919", 15.0),
                Arguments.of(BarcodeFormat.CODE_128, "K1234567", -30.0),
                Arguments.of(BarcodeFormat.CODE_39, "K1234567", -20.0),
                Arguments.of(BarcodeFormat.ITF, "9434765919", 30.0),
                Arguments.of(BarcodeFormat.PDF_417, "9434765919|K1234567", 12.0),
                Arguments.of(BarcodeFormat.QR_CODE, "NHS:9434765919", 40.0),
                Arguments.of(BarcodeFormat.DATA_MATRIX, "K1234567", 45.0),
                Arguments.of(BarcodeFormat.DATA_MATRIX, "NHS:9434765919|MRN:K1234567", -25.0));
    }

    @ParameterizedTest(name = "{0} at {2} degrees")
    @MethodSource("crookedLabels")
    void readsLabelsStuckOnCrooked(BarcodeFormat format, String payload, double degrees) {
        BufferedImage page = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(page, 800, 1500, "KING, William", format, payload);

        List<Barcode> found = READER.read(SyntheticPages.noise(SyntheticPages.skew(page, degrees), 8, 0.002, 5));

        assertThat(found).extracting(Barcode::text).containsExactly(payload);
    }

    @Test
    void readsBothLabelsWhenTwoPatientsShareAPageAndGivesTheirPlaces() {
        BufferedImage page = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(page, 200, 250, "KING, William", BarcodeFormat.CODE_128, "9434765919");
        SyntheticPages.drawLabel(page, 1300, 2900, "SMITH, Jane", BarcodeFormat.DATA_MATRIX, "NHS:4010232137");

        List<Barcode> found = READER.read(SyntheticPages.skew(page, 2));

        assertThat(found).extracting(Barcode::text).containsExactlyInAnyOrder("9434765919", "NHS:4010232137");
        Barcode top = found.stream().filter(b -> b.text().equals("9434765919")).findFirst().orElseThrow();
        Barcode bottom = found.stream().filter(b -> b.text().startsWith("NHS")).findFirst().orElseThrow();
        assertThat(top.bounds().getCenterY()).isLessThan(1000);
        assertThat(bottom.bounds().getCenterY()).isGreaterThan(2800);
        assertThat(bottom.bounds().getCenterX()).isGreaterThan(1300);
    }

    @Test
    void reportsBoundsInTheCoordinatesOfTheImageItWasGiven() {
        BufferedImage page = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(page, 300, 300, "KING, William", BarcodeFormat.CODE_128, "K1234567");
        // turned 90 degrees clockwise: the label near the top-left ends up near the top-right
        BufferedImage turned = SyntheticPages.rotate(page, 90);

        List<Barcode> found = READER.read(turned);

        assertThat(found).hasSize(1);
        Rectangle r = found.get(0).bounds();
        assertThat(r).isNotNull();
        assertThat(r.getCenterX()).isGreaterThan(turned.getWidth() - 1000);
        assertThat(r.getCenterY()).isLessThan(1200);
        assertThat(r.height).isGreaterThan(r.width); // the bars now run left to right
    }

    @Test
    void reportsTheSameBarcodeOnceWhenTwoLabelsOfOnePatientAreStuckOnAPage() {
        BufferedImage page = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(page, 200, 250, "KING, William", BarcodeFormat.CODE_128, "9434765919");
        SyntheticPages.drawLabel(page, 1200, 2600, "KING, William", BarcodeFormat.CODE_128, "9434765919");

        assertThat(READER.read(page)).extracting(Barcode::text).containsExactly("9434765919");
    }

    @Test
    void findsNothingOnBlankOrTextPages() {
        assertThat(READER.read(SyntheticPages.blankPage())).isEmpty();
        assertThat(READER.read(SyntheticPages.noise(SyntheticPages.blankPage(), 20, 0.02, 9))).isEmpty();
        assertThat(READER.read(SyntheticPages.textPage())).isEmpty();
        assertThat(READER.read(SyntheticPages.rotate(SyntheticPages.noise(
                SyntheticPages.textPage(), 15, 0.01, 4), 90))).isEmpty();
    }

    @Test
    void marksGs1DataMatrixSoThatItsElementStringsCanBeParsed() throws Exception {
        String gs1 = "8018" + "506012345678901231" + "\u001d" + "91" + "9434765919";
        BitMatrix m = new MultiFormatWriter().encode(gs1, BarcodeFormat.DATA_MATRIX, 0, 0,
                Map.of(EncodeHintType.GS1_FORMAT, true, EncodeHintType.DATA_MATRIX_COMPACT, true,
                        EncodeHintType.MARGIN, 0));
        BufferedImage page = SyntheticPages.blankPage();
        Graphics2D g = page.createGraphics();
        SyntheticPages.drawSymbol(g, m, 1500, 400, 8, -1, 8);
        g.dispose();

        List<Barcode> found = READER.read(SyntheticPages.noise(page, 10, 0.003, 1));

        assertThat(found).hasSize(1);
        BarcodePayload payload = BarcodePayload.parse(found.get(0), HospitalNumberFormat.defaultFormat());
        assertThat(payload.gs1()).containsEntry("8018", "506012345678901231").containsEntry("91", "9434765919");
        assertThat(payload.nhsDigits()).contains("9434765919");
    }

    @Test
    void canBeUsedFromTwoThreadsAtOnce() throws Exception {
        BufferedImage a = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(a, 300, 300, "KING, William", BarcodeFormat.CODE_39, "K1234567");
        BufferedImage b = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(b, 300, 300, "SMITH, Jane", BarcodeFormat.QR_CODE, "NHS:4010232137");
        List<Future<List<Barcode>>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(POOL.submit(() -> READER.read(a)));
            results.add(POOL.submit(() -> READER.read(b)));
        }
        for (int i = 0; i < results.size(); i++) {
            String expected = i % 2 == 0 ? "K1234567" : "NHS:4010232137";
            assertThat(results.get(i).get()).extracting(Barcode::text).containsExactly(expected);
        }
    }

    @Test
    void readsALabelCutOutOfAPageAndCopesWithTinyImages() {
        BufferedImage page = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(page, 300, 300, "KING, William", BarcodeFormat.DATA_MATRIX, "NHS:9434765919");
        SyntheticPages.drawLabel(page, 300, 1300, "KING, William", BarcodeFormat.CODE_128, "K1234567");
        assertThat(READER.read(page.getSubimage(250, 250, 1100, 700))).extracting(Barcode::text)
                .containsExactly("NHS:9434765919");
        assertThat(READER.read(page.getSubimage(250, 1250, 1100, 600))).extracting(Barcode::text)
                .containsExactly("K1234567");
        assertThat(READER.read(new BufferedImage(30, 2000, BufferedImage.TYPE_BYTE_GRAY))).isEmpty();
        assertThat(READER.read(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB))).isEmpty();
    }

    @Test
    void acceptsColourAndBilevelImages() {
        BufferedImage grey = SyntheticPages.blankPage();
        SyntheticPages.drawLabel(grey, 300, 300, "KING, William", BarcodeFormat.CODE_128, "K1234567");
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_BINARY,
                BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage other = new BufferedImage(grey.getWidth(), grey.getHeight(), type);
            Graphics2D g = other.createGraphics();
            g.drawImage(grey, 0, 0, null);
            g.dispose();
            assertThat(READER.read(other)).extracting(Barcode::text).as("image type %d", type)
                    .containsExactly("K1234567");
        }
    }
}
