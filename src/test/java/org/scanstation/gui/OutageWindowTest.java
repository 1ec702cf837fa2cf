package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.WindowFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.station.UploadLine;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;
import org.scanstation.upload.cmis.testing.LoopbackTcpProxy;
import org.testfx.api.FxRobot;

/**
 * The EDMS (a real OpenCMIS server behind a TCP proxy on 127.0.0.1) goes away while the window is open:
 * the window says "Offline" within 10 seconds, the uploaded document shows no problem and the waiting one
 * shows its own, Retry now says what it found, and when the EDMS is back the document uploads.
 */
class OutageWindowTest extends FxRobot {

    @TempDir
    Path dir;
    WindowFixture f;
    LoopbackTcpProxy proxy;

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private UploadLine line(int batchNewestFirst) {
        List<UploadLine> lines = f.window.uploadViewModel().lines();
        return lines.get(batchNewestFirst);
    }

    @Test
    void anOutageIsShownWithinSecondsOnTheRightRowsAndRetryNowSaysWhatItFound() throws Exception {
        proxy = new LoopbackTcpProxy(InMemoryCmisServer.shared().port()).start();
        f = WindowFixture.open(dir, proxy.browserUrl());
        waitUntil(30, () -> f.window.uploadViewModel().onlineProperty().get());
        assertThat(lookup("#headerConnection").queryLabeled().getText()).startsWith("\u25cf Online");

        f.useScanner(this, WindowFixture.pages(dir, "first", "0001"));
        f.scanWithF5(this, 1);
        clickOn("#fileButton");
        clickOn("#uploadTab");
        waitUntil(90, () -> f.window.uploadViewModel().lines().size() == 1 && line(0).state().startsWith("uploaded"));

        proxy.stop();
        long down = System.nanoTime();
        waitUntil(15, () -> !f.window.uploadViewModel().onlineProperty().get());
        double seconds = (System.nanoTime() - down) / 1e9;
        assertThat(seconds).as("offline shown within 10 s of the EDMS going away").isLessThan(10);
        assertThat(lookup("#headerConnection").queryLabeled().getText()).startsWith("\u25cb Offline \u2013 since");
        assertThat(lookup("#connectionStatus").queryLabeled().getText()).contains("does not answer");

        f.useScanner(this, WindowFixture.pages(dir, "second", "0004"));
        f.scanWithF5(this, 1);
        clickOn("#fileButton");
        clickOn("#uploadTab");
        waitUntil(90, () -> f.window.uploadViewModel().lines().size() == 2 && !line(0).lastError().isEmpty());
        assertThat(line(0).state()).isEqualTo("waiting to upload");
        assertThat(line(0).lastError()).containsAnyOf("the EDMS does not answer", "could not reach the EDMS");
        assertThat(line(1).state()).as("the uploaded one").startsWith("uploaded");
        assertThat(line(1).lastError()).as("no problem piled on the uploaded document").isEmpty();
        assertThat(line(1).retries()).isZero();

        press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT);
        waitUntil(30, () -> lookup("#uploadMessage").queryLabeled().getText().startsWith("Retry now: the EDMS still"));

        proxy.start();
        clickOn("#retryButton");
        waitUntil(30, () -> lookup("#uploadMessage").queryLabeled().getText().startsWith("Retry now: the EDMS answers"));
        waitUntil(30, () -> f.window.uploadViewModel().onlineProperty().get() && line(0).state().startsWith("uploaded"));
        assertThat(line(0).lastError()).isEmpty();
        assertThat(lookup("#headerConnection").queryLabeled().getText()).startsWith("\u25cf Online");
    }
}
