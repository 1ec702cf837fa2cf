package org.scanstation.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.StationConfig;
import org.scanstation.ocr.TessdataLocator;
import org.scanstation.scan.ScanDrivers;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/** Each check against the real condition it looks for: real Tesseract, real folders, a real CMIS server. */
class DoctorChecksTest {

    @TempDir
    Path dir;

    static Path systemTessdata() {
        return TessdataLocator.find("eng").orElseThrow();
    }

    static StationConfig.Edms edms(String url, String user, String passwordFile) {
        return new StationConfig.Edms(url, "/ScanStation", user, null, passwordFile, null, false);
    }

    @Test
    void tesseractWithItsLanguageDataIsOk() {
        CheckResult r = new TesseractCheck(systemTessdata()).run();
        assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.OK);
        assertThat(r.details()).anyMatch(d -> d.contains("STATION"));
    }

    @Test
    void missingLanguageDataFailsAndSaysWhatToInstall() {
        CheckResult r = new TesseractCheck(dir.resolve("empty")).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.summary()).contains("eng.traineddata").contains("tesseract-ocr-eng");
    }

    @Test
    void missingOrientationDataIsAWarning() throws IOException {
        Path data = Files.createDirectory(dir.resolve("tessdata"));
        Files.createSymbolicLink(data.resolve("eng.traineddata"), systemTessdata().resolve("eng.traineddata"));
        CheckResult r = new TesseractCheck(data).run();
        assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.WARN);
        assertThat(r.summary()).contains("osd.traineddata");
    }

    @Test
    void damagedLanguageDataFails() throws IOException {
        Path data = Files.createDirectory(dir.resolve("tessdata"));
        Files.write(data.resolve("eng.traineddata"), new byte[] {1, 2, 3, 4});
        CheckResult r = new TesseractCheck(data).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aStoreThatDoesNotExistYetButCanBeCreatedIsOk() {
        CheckResult r = new StoreCheck(dir.resolve("data/store"), dir.resolve("config/store.key")).run();
        assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.OK);
        assertThat(r.details()).anyMatch(d -> d.contains("created in " + dir));
    }

    @Test
    void aStoreUnderAFileCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("home"), "a file where a folder should be");
        CheckResult r = new StoreCheck(notAFolder.resolve("store"), dir.resolve("store.key")).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.summary()).contains("is not a folder");
    }

    @Test
    void aKeyOthersCanReadFails() throws IOException {
        Path store = Files.createDirectory(dir.resolve("store"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path key = Files.writeString(dir.resolve("store.key"), "scanstation-key-v1:x\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        CheckResult r = new StoreCheck(store, key).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.summary()).contains("chmod 600");

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(new StoreCheck(store, key).run().status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void aStoreFolderOthersCanListIsAWarning() throws IOException {
        Path store = Files.createDirectory(dir.resolve("store"));
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
        CheckResult r = new StoreCheck(store, dir.resolve("store.key")).run();
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.summary()).contains("chmod 700");
    }

    @Test
    void anUnconfiguredEdmsIsInformationNotFailure() {
        CheckResult r = new EdmsCheck(StationConfig.defaults().edms(), Duration.ofSeconds(2)).run();
        assertThat(r.status()).isEqualTo(CheckStatus.INFO);
        assertThat(r.summary()).contains("not configured");
    }

    @Test
    void anEdmsNobodyAnswersFails() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/cmis/browser";
        CheckResult r = new EdmsCheck(edms(url, null, null), Duration.ofSeconds(2)).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.summary()).contains("cannot reach the EDMS at " + url);
    }

    @Test
    void aPasswordThatIsNowhereFails() {
        CheckResult r = new EdmsCheck(edms("http://127.0.0.1:9/cmis/browser", "svc-scan", null), Duration.ofSeconds(2)).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.summary()).contains("passwordFile");
    }

    @Test
    void aReachableEdmsIsOk() throws IOException {
        InMemoryCmisServer server = InMemoryCmisServer.shared();
        Path password = Files.writeString(dir.resolve("edms.password"), "dummysecret\n");
        CheckResult r = new EdmsCheck(edms(server.browserUrl(), "dummyuser", password.toString()), Duration.ofSeconds(10)).run();
        assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.OK);
        assertThat(r.summary()).contains("reached repository 'A1'");
    }

    @Test
    void scannersAnswerOrTheDoctorSaysNoneDid() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ScanDrivers.Settings nothing = ScanDrivers.Settings.defaults().withSaneServers(List.of("127.0.0.1:" + port));
        CheckResult r = new ScannerCheck(nothing).run();
        assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.WARN);
        assertThat(r.summary()).contains("no scanner answered");
        assertThat(r.details()).anyMatch(d -> d.startsWith("sane:"));
    }

    @Test
    void theWholeDoctorRunsEveryCheckAndFailsOnlyOnRealProblems() throws IOException {
        Path machine = Files.writeString(dir.resolve("station.json"), """
                { "stationId": "WARD7-PC3", "store": { "path": "%s", "keyFile": "%s" }, "locked": ["store"] }
                """.formatted(dir.resolve("store"), dir.resolve("store.key")));
        Doctor.Settings s = new Doctor.Settings(machine, dir.resolve("user.json"), systemTessdata(), dir.resolve("logs"),
                Duration.ofSeconds(2));
        List<CheckResult> results = new Doctor(s).run();
        assertThat(results).extracting(CheckResult::check)
                .containsExactly("Configuration", "Tesseract OCR", "Scanners", "Batch store", "Patient index", "EDMS", "Logs");
        assertThat(results.get(0).status()).isEqualTo(CheckStatus.OK);
        assertThat(results.get(0).details()).contains("locked by IT: store");
        assertThat(Doctor.anyFailed(results)).as(results.toString()).isFalse();

        Files.writeString(machine, "{ \"stationId\": \"A\", \"colour\": true }");
        List<CheckResult> broken = new Doctor(s).run();
        assertThat(broken.get(0).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(broken.get(0).summary()).contains("unknown setting 'colour'");
        assertThat(Doctor.anyFailed(broken)).isTrue();
    }
}
