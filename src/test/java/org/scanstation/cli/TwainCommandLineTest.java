package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.scan.driver.twain.TwainFixture;
import picocli.CommandLine;

/**
 * {@code devices}, {@code scan --device twain:...} and {@code doctor} through the TWAIN fixture from
 * the command line: the first two in a child JVM started as a user would (the manager given by the
 * environment variable SCANSTATION_TWAIN_DSM, the virtual feeder filled by CAP_XFERCOUNT), doctor with
 * the manager given by the setting scanner.twainDsm.
 */
class TwainCommandLineTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetConfigOverride() {
        System.clearProperty("scanstation.config");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run child(String... args) throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("station.json"), "{ \"scanner\": { \"saneServers\": [] } }");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                "-Dscanstation.logDir=" + dir.resolve("logs"), "-cp", System.getProperty("java.class.path"),
                "org.scanstation.Launcher", "--config", config.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("SCANSTATION_TWAIN_DSM", TwainFixture.dsm().toString());
        env.put("CAP_XFERCOUNT", "3");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void devicesListsTheTwainSourceWithItsCapabilities() throws Exception {
        Run r = child("devices");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("twain:TWAIN2 Software Scanner  TWAIN Working Group TWAIN2 Software Scanner (TWAIN)\n"
                + "    50-600 dpi; lineart, gray, color; 1/8/24 bit; flatbed, adf; up to 216 x 356 mm");
    }

    @Test
    void scanFromTheTwainSourceIntoAFolder() throws Exception {
        Path out = dir.resolve("scan");
        Run r = child("scan", "--device", "twain:TWAIN2 Software Scanner", "--out", out.toString(), "--resolution", "200",
                "--mode", "gray");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("3 pages written to " + out);
        JsonNode json = new ObjectMapper().readTree(out.resolve("scan.json").toFile());
        assertThat(json.get("outcome").asText()).isEqualTo("completed");
        assertThat(json.get("driver").asText()).isEqualTo("twain");
        assertThat(json.get("pages")).hasSize(3);
        for (JsonNode page : json.get("pages")) {
            assertThat(page.get("dpi").asInt()).isEqualTo(200);
            assertThat(page.get("width").asInt()).isEqualTo(1700);
            assertThat(page.get("height").asInt()).isEqualTo(2200);
            BufferedImage img = ImageIO.read(out.resolve(page.get("file").asText()).toFile());
            assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        }
    }

    @Test
    void scanReportsWhatTheScannerCannotDoInWords() throws Exception {
        Path out = dir.resolve("scan");
        Run duplex = child("scan", "--device", "twain:TWAIN2 Software Scanner", "--out", out.toString(), "--source", "duplex");
        assertThat(duplex.exit()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(duplex.err()).contains("cannot scan both sides of each sheet", "0 pages kept");

        Path other = dir.resolve("scan2");
        Run adjusted = child("scan", "--device", "twain:TWAIN2 Software Scanner", "--out", other.toString(),
                "--resolution", "250", "--mode", "lineart", "--page-size", "A4");
        assertThat(adjusted.exit()).as(adjusted.err()).isZero();
        assertThat(adjusted.out()).contains("note: The scanner does not offer 250 dpi: scanning at 300 dpi.");
        JsonNode json = new ObjectMapper().readTree(other.resolve("scan.json").toFile());
        assertThat(json.get("notices").get(0).asText()).isEqualTo("The scanner does not offer 250 dpi: scanning at 300 dpi.");
        assertThat(json.get("pages").get(0).get("bilevel").asBoolean()).isTrue();
        assertThat(json.get("pages").get(0).get("width").asInt()).isEqualTo(2480);
    }

    @Test
    void doctorOpensTheTwainScannerNamedByTheSetting() throws Exception {
        Path config = Files.writeString(dir.resolve("doctor.json"), """
                { "store": { "path": "%s", "keyFile": "%s" },
                  "scanner": { "saneServers": [], "twainDsm": "%s" } }
                """.formatted(dir.resolve("store"), dir.resolve("store.key"), TwainFixture.dsm()), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        CommandLine cl = ScanStationCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        cl.execute("--config", config.toString(), "doctor");
        assertThat(out.toString())
                .contains("OK    Scanners       1 scanner(s) answered and opened")
                .contains("found: TWAIN Working Group TWAIN2 Software Scanner (TWAIN) <twain:TWAIN2 Software Scanner> (twain)")
                .contains("opens; can scan 50-600 dpi; lineart, gray, color; 1/8/24 bit; flatbed, adf; up to 216 x 356 mm");
    }
}
