package org.scanstation.upload.cmis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.Sha256;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.upload.ContentDigest;
import org.scanstation.upload.DocumentKey;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import org.scanstation.upload.EdmsDocument;
import org.scanstation.upload.EdmsRejectedException;
import org.scanstation.upload.EdmsUnavailableException;
import org.scanstation.upload.NewDocument;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.FaultInjectionFilter;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/** The CMIS browser-binding client against the real OpenCMIS InMemory server. */
class CmisBrowserClientTest {

    private final InMemoryCmisServer server = InMemoryCmisServer.shared();
    private final List<String> root = List.of("T-" + UUID.randomUUID());
    private CmisBrowserClient client;

    @TempDir
    Path tmp;

    @BeforeEach
    void connect() {
        server.faults().reset();
        client = new CmisBrowserClient(EdmsConnection.of(server.browserUrl(),
                new EdmsCredentials.Basic("dummyuser", "dummysecret")));
    }

    @AfterEach
    void disconnect() {
        server.faults().reset();
        client.close();
    }

    private static DocumentKey key(byte[] content, int index) {
        return new DocumentKey("0123456789abcdef0123456789abcdef", index, Sha256.hex(content));
    }

    @Test
    void readsTheRepositoryInfo() throws Exception {
        assertThat(client.repositoryInfo().id()).isEqualTo("A1");
        assertThat(client.repositoryInfo().protocolVersion()).isEqualTo("1.1");
    }

    @Test
    void ensureFolderCreatesMissingFoldersOnceAndFindsThemAfterwards() throws Exception {
        List<String> path = List.of(root.get(0), SamplePatientData.ALICE.nhsNumber());
        String first = client.ensureFolder(path);
        String again = client.ensureFolder(path);
        assertThat(again).isEqualTo(first);
        assertThat(client.ensureFolder(List.of(root.get(0)))).isNotEqualTo(first);
    }

    @Test
    void createdDocumentIsFoundByItsKeyAndDownloadsByteForByte() throws Exception {
        byte[] pdf = SamplePatientData.pdf(SamplePatientData.ALICE, 11);
        DocumentKey key = key(pdf, 4);
        assertThat(client.find(key)).isEmpty();
        String folder = client.ensureFolder(List.of(root.get(0), SamplePatientData.ALICE.nhsNumber()));
        EdmsDocument created = client.create(folder,
                new NewDocument(key, "Scanned health record", "application/pdf", pdf, Map.of("pages", "2")));
        assertThat(created.existed()).isFalse();
        assertThat(created.contentLength()).isEqualTo(pdf.length);
        assertThat(created.name()).isEqualTo(key.value() + ".pdf");

        assertThat(client.find(key)).get().extracting(EdmsDocument::objectId).isEqualTo(created.objectId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.download(created.objectId(), out);
        assertThat(out.toByteArray()).isEqualTo(pdf);
        assertThat(client.contentDigest(created.objectId())).isEqualTo(new ContentDigest(pdf.length, Sha256.hex(pdf)));

        CmisInspector.Entry entry = new CmisInspector(server.browserUrl())
                .documents(List.of(root.get(0), SamplePatientData.ALICE.nhsNumber())).get(0);
        assertThat(entry.description()).contains("Scanned health record", "scanstation-key=" + key.value(), "pages=2");
    }

    @Test
    void creatingTheSameKeyTwiceReturnsTheExistingDocumentInsteadOfADuplicate() throws Exception {
        byte[] pdf = SamplePatientData.pdf(SamplePatientData.BOB, 12);
        DocumentKey key = key(pdf, 0);
        List<String> path = List.of(root.get(0), SamplePatientData.BOB.nhsNumber());
        String folder = client.ensureFolder(path);
        NewDocument doc = new NewDocument(key, "Scanned", "application/pdf", pdf, Map.of());
        EdmsDocument first = client.create(folder, doc);
        EdmsDocument second = client.create(folder, doc);
        assertThat(second.existed()).isTrue();
        assertThat(second.objectId()).isEqualTo(first.objectId());
        assertThat(new CmisInspector(server.browserUrl()).documents(path)).hasSize(1);
    }

    @Test
    void noServerListeningIsUnavailableAndRetryable() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        try (CmisBrowserClient nowhere = new CmisBrowserClient(EdmsConnection.of(
                "http://127.0.0.1:" + freePort + "/cmis/browser", EdmsCredentials.none()))) {
            assertThatThrownBy(nowhere::repositoryInfo).isInstanceOf(EdmsUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + freePort)
                    .satisfies(e -> assertThat(((EdmsUnavailableException) e).isRetryable()).isTrue());
        }
    }

    @Test
    void serverErrorsAreUnavailableAndClientErrorsAreRejectedWithTheServersMessage() throws Exception {
        client.repositoryInfo();
        server.faults().failNext(1, 503, r -> true);
        assertThatThrownBy(() -> client.ensureFolder(root)).isInstanceOf(EdmsUnavailableException.class)
                .hasMessageContaining("503");

        byte[] pdf = SamplePatientData.pdf(SamplePatientData.ALICE, 13);
        String folder = client.ensureFolder(root);
        server.faults().failNext(1, 413, FaultInjectionFilter::isCreateDocument);
        assertThatThrownBy(() -> client.create(folder, new NewDocument(key(pdf, 1), "x", "application/pdf", pdf, Map.of())))
                .isInstanceOfSatisfying(EdmsRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.serverMessage()).isEqualTo("injected fault");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void missingCredentialsAreRejectedAsACredentialsProblem() {
        try (CmisBrowserClient anonymous = new CmisBrowserClient(EdmsConnection.of(server.browserUrl(),
                EdmsCredentials.none()))) {
            assertThatThrownBy(anonymous::repositoryInfo).isInstanceOfSatisfying(EdmsRejectedException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.affectsEveryRequest()).isTrue();
            });
        }
    }

    @Test
    void anUnknownRepositoryIsRejectedClearly() {
        try (CmisBrowserClient wrong = new CmisBrowserClient(new EdmsConnection(server.browserUrl(), "nope",
                new EdmsCredentials.Basic("dummyuser", "dummysecret"), null, null, null, null))) {
            assertThatThrownBy(wrong::repositoryInfo).isInstanceOf(EdmsRejectedException.class)
                    .hasMessageContaining("no repository 'nope'");
        }
    }

    @Test
    void aResponseSlowerThanTheReadTimeoutIsUnavailable() {
        try (CmisBrowserClient impatient = new CmisBrowserClient(EdmsConnection.of(server.browserUrl(),
                new EdmsCredentials.Basic("dummyuser", "dummysecret")).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)))) {
            server.faults().delayNext(1, 1000, false, r -> true);
            assertThatThrownBy(impatient::repositoryInfo).isInstanceOf(EdmsUnavailableException.class)
                    .hasMessageContaining("timed out");
        }
    }

    @Test
    void httpsWorksWithTheConfiguredTrustStoreAndAnUntrustedCertificateIsRejectedNotRetried() {
        EdmsConnection https = EdmsConnection.of(server.httpsBrowserUrl(),
                new EdmsCredentials.Basic("dummyuser", "dummysecret"));
        try (CmisBrowserClient trusting = new CmisBrowserClient(
                https.withTrustStore(server.trustStore(), "changeit".toCharArray()))) {
            assertThat(trusting.repositoryInfo().id()).isEqualTo("A1");
            assertThat(trusting.ensureFolder(root)).isNotBlank();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (CmisBrowserClient jdkTrustOnly = new CmisBrowserClient(https)) {
            assertThatThrownBy(jdkTrustOnly::repositoryInfo).isInstanceOfSatisfying(EdmsRejectedException.class, e -> {
                assertThat(e.serverError()).isEqualTo("tls");
                assertThat(e.affectsEveryRequest()).isTrue();
                assertThat(e.getMessage()).contains("not trusted", "trust store");
            });
        }
    }

    @Test
    void anUnreadableTrustStoreIsAClearConfigurationError() throws Exception {
        Path bogus = tmp.resolve("edms-trust.p12");
        Files.write(bogus, new byte[] {1, 2, 3, 4});
        EdmsConnection conn = EdmsConnection.of("https://127.0.0.1:1/cmis/browser", EdmsCredentials.none())
                .withTrustStore(bogus, "changeit".toCharArray());
        assertThatThrownBy(() -> new CmisBrowserClient(conn)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the trust store").hasMessageContaining("edms-trust.p12");
    }
}
