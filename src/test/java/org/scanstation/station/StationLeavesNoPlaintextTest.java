package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.intake.StoreContents;
import org.scanstation.store.testing.TestJvm;
import org.scanstation.testing.HardLinkWatcher;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/**
 * A scan, filing and review session through the station facade, in a process whose temporary folder
 * and home folder are watched, every file hard-linked as it appears: no JPEG, PNG, TIFF or PDF and no
 * patient identifier is ever outside the encrypted store (which lives in the home folder).
 */
class StationLeavesNoPlaintextTest {

    private static final List<String> PAGES = List.of("0001", "0002", "0008", "0009", "0010");

    @TempDir
    Path tmp;

    @Test
    void noPageImagePdfOrIdentifierEverAppearsInTheTemporaryOrHomeFolder() throws Exception {
        Path pages = Files.createDirectories(tmp.resolve("pages"));
        List<byte[]> originals = new ArrayList<>();
        for (String n : PAGES) {
            Path page = Files.copy(Path.of("samples/batch", n + ".jpg"), pages.resolve(n + ".jpg"));
            originals.add(Files.readAllBytes(page));
        }
        Path temp = Files.createDirectories(tmp.resolve("watched-tmp"));
        Path home = Files.createDirectories(tmp.resolve("watched-home"));
        Path station = home.resolve("station");
        Path captured = tmp.resolve("captured");
        try (HardLinkWatcher watcher = new HardLinkWatcher(captured, temp, home);
             TestJvm child = TestJvm.start(StationSessionMain.class, List.of("-Xmx700m",
                     "-Djava.io.tmpdir=" + temp, "-Duser.home=" + home), tmp.resolve("session.log"),
                     station.toString(), pages.toString(), Path.of("samples/patients.csv").toAbsolutePath().toString(),
                     InMemoryCmisServer.shared().browserUrl())) {
            assertThat(child.waitFor()).as("session: see session.log " + child.lines()).isZero();
            assertThat(child.lines()).contains("done").anyMatch(l -> l.matches("held [1-9].*, uploads pending 0"));
            watcher.close();
            assertThat(watcher.captured()).as("the store's files were seen").isGreaterThan(5);
        }
        List<byte[]> needles = new ArrayList<>(StoreContents.patientNeedles(Path.of("samples/patients.csv")));
        needles.addAll(StoreContents.headsOf(originals));
        assertThat(StoreContents.findings(captured, needles)).as("files that appeared in the watched folders").isEmpty();
        assertThat(StoreContents.findings(temp, needles)).isEmpty();
        assertThat(StoreContents.findings(home, needles)).isEmpty();
    }
}
