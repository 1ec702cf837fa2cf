package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.StationConfig;
import org.scanstation.store.DocumentState;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.store.StoredPage;
import org.scanstation.store.testing.TestJvm;

/**
 * A station process is killed with SIGKILL while it files a batch: before its decisions are stored,
 * just after, and while its PDFs are being built. After a restart every page is either in a document
 * (queued, or held for review) or back in the open batch: none lost, none in two documents, and no
 * document left "being prepared".
 */
class StationKilledDuringFilingTest {

    @TempDir
    Path tmp;

    @Test
    void killedWhileFilingLosesNoPageAndQueuesNoneTwice() throws Exception {
        Path pages = CorpusPages.into(tmp);
        Map<String, Predicate<Path>> killPoints = new java.util.LinkedHashMap<>();
        killPoints.put("as filing starts", store -> true);
        killPoints.put("once the decisions are stored", store -> exists(store, p -> p.endsWith("decisions.enc")));
        killPoints.put("while the PDFs are built", store -> exists(store, p -> p.getParent().endsWith("docs")));
        int run = 0;
        for (Map.Entry<String, Predicate<Path>> kill : killPoints.entrySet()) {
            Path dir = tmp.resolve("station" + run);
            Path store = dir.resolve("store");
            try (TestJvm child = TestJvm.start(StationFilingMain.class, List.of("-Xmx700m"),
                    tmp.resolve("child" + run + ".log"), dir.toString(), pages.toString(),
                    CorpusPages.PATIENTS.toString())) {
                assertThat(child.readUntil(l -> l.equals("filing"))).as("child output: see child" + run + ".log")
                        .isNotNull();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (!kill.getValue().test(store) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                child.kill();
                assertThat(child.lines()).as("killed " + kill.getKey() + ", not after").doesNotContain("filed");
            }
            assertEveryPageOnceAndNothingBeingPrepared(dir, kill.getKey());
            run++;
        }
    }

    private static boolean exists(Path store, Predicate<Path> file) {
        if (!Files.isDirectory(store.resolve("batches"))) {
            return false;
        }
        try (Stream<Path> s = Files.walk(store.resolve("batches"))) {
            return s.anyMatch(p -> Files.isRegularFile(p) && file.test(p));
        } catch (IOException | RuntimeException e) {
            return false; // a file vanished while walking
        }
    }

    private void assertEveryPageOnceAndNothingBeingPrepared(Path dir, String when) throws Exception {
        StationConfig config = StationFixture.config(dir, null, CorpusPages.PATIENTS);
        Station.Parts parts = StationFixture.parts(config, Runnable::run, Duration.ZERO);
        try (Station station = new Station(parts)) {
            station.start();
            Map<String, Integer> seen = new HashMap<>();
            for (LivePage p : station.openPages()) {
                seen.merge(p.analysis().id().name(), 1, Integer::sum);
            }
            for (StoredBatch b : parts.store().batches()) {
                for (StoredDocument d : b.documents()) {
                    assertThat(d.state()).as(when + ": document " + d.index() + " state")
                            .isIn(DocumentState.QUEUED, DocumentState.HELD);
                    for (int index : d.pages()) {
                        StoredPage page = b.pages().stream().filter(p -> p.index() == index).findFirst().orElseThrow();
                        seen.merge(page.sourceName(), 1, Integer::sum);
                    }
                }
            }
            List<String> content = new ArrayList<>(CorpusPages.PAGES);
            content.remove(CorpusPages.SEPARATOR); // the separator sheet belongs to no document
            for (String page : content) {
                assertThat(seen.get(page)).as(when + ": " + page + " in exactly one document or the open batch")
                        .isEqualTo(1);
            }
            assertThat(station.uploadLines()).extracting(UploadLine::state).as(when).doesNotContain("being prepared",
                    "PDF ready");

            if (!station.openPages().isEmpty()) {
                station.fileBatch(); // the pages back on the screen file as any batch does
                assertThat(station.openPages()).isEmpty();
            }
            assertThat(station.uploadLines()).extracting(UploadLine::state).as(when)
                    .containsOnly("waiting to upload");
            assertThat(station.uploadLines()).as(when + ": two documents, each once").hasSize(2);
        }
    }
}
