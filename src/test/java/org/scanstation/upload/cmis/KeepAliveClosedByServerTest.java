package org.scanstation.upload.cmis;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/**
 * A server closes a keep-alive connection the station left idle (Apache httpd after 5 s, Jetty after 30 s).
 * The station's next look-up must not fail on that closed connection and be counted as an EDMS outage
 * (the window showed "Retries 1" on the first document after every pause): a read is sent again, once,
 * on a fresh connection.
 */
class KeepAliveClosedByServerTest {

    private final InMemoryCmisServer server = new InMemoryCmisServer(0).idleTimeout(Duration.ofMillis(300));
    private CmisBrowserClient client;

    @BeforeEach
    void start() {
        server.start();
        client = new CmisBrowserClient(EdmsConnection.of(server.browserUrl(),
                new EdmsCredentials.Basic("dummyuser", "dummysecret")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    @Test
    void aReadAfterThePauseThatLetTheServerCloseTheConnectionSucceeds() throws Exception {
        client.ping();
        for (int i = 0; i < 3; i++) {
            Thread.sleep(1_000);
            assertThatCode(client::ping).as("look-up %d after a pause", i + 1).doesNotThrowAnyException();
            assertThatCode(client::repositoryInfo).doesNotThrowAnyException();
        }
    }
}
