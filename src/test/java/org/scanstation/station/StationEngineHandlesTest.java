package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.ocr.TesseractOcrEngine;

/**
 * Twenty batches scanned and filed through the facade: the station's engines are made once, so the
 * number of native Tesseract handles stays flat (it grew by a few per batch when each batch had its
 * own thread pool).
 */
class StationEngineHandlesTest {

    @TempDir
    Path dir;

    @Test
    void twentyBatchesLeaveTheNativeOcrHandleCountFlat() throws Exception {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Files.copy(Path.of("samples/batch/0001.jpg"), pages.resolve("0001.jpg"));
        List<Integer> handles = new ArrayList<>();
        int before = TesseractOcrEngine.liveHandles();
        try (Station station = StationFixture.open(dir, null, Runnable::run, Duration.ZERO)) {
            for (int batch = 1; batch <= 20; batch++) {
                station.startScan("folder:" + pages, station.profiles().get(0), "chris");
                assertThat(station.openPages()).hasSize(1);
                station.fileBatch();
                assertThat(station.openPages()).isEmpty();
                handles.add(TesseractOcrEngine.liveHandles() - before);
            }
            assertThat(station.uploadLines()).hasSize(20).extracting(UploadLine::state)
                    .containsOnly("waiting to upload");
        }
        int settled = handles.get(4);
        assertThat(handles.subList(4, 20)).as("handles per batch " + handles).containsOnly(settled);
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(settled).as("two OCR engines per analysis thread, one per text-layer thread, one warm-up")
                .isLessThanOrEqualTo(2 * cores + cores + 1);
        assertThat(TesseractOcrEngine.liveHandles()).as("released when the station closes").isEqualTo(before);
    }
}
