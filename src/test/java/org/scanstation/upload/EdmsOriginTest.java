package org.scanstation.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.cli.ScanStationCli;
import org.scanstation.config.MachineFile;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;
import org.scanstation.upload.cmis.CmisBrowserClient;
import org.scanstation.upload.cmis.testing.RogueCmisEndpoint;
import picocli.CommandLine;

/**
 * The station talks only to the EDMS origin it was given: a repository whose information points at
 * another port gets nothing sent there (no request, no credentials, no document); credentials never go
 * over plain http to another PC unless IT's machine-wide file allows it; a malformed {@code --cmis}
 * never has its password printed.
 */
class EdmsOriginTest {

    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void clear() {
        System.clearProperty(MachineFile.TEST_OVERRIDE);
    }

    int cli(String... args) {
        CommandLine cl = ScanStationCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void linksToASecondPortAreNeverFollowed() throws Exception {
        try (RogueCmisEndpoint elsewhere = RogueCmisEndpoint.start();
             RogueCmisEndpoint edms = RogueCmisEndpoint.start().linkingTo(elsewhere.base())) {
            Path store = tmp.resolve("store");
            try (BatchStore s = BatchStore.open(store, StoreFixture.keyIn(tmp))) {
                StoreFixture.queuedBatch(s, List.of(SamplePatientData.ALICE, SamplePatientData.BOB), 5);
            }
            int code = cli("upload", "--store", store.toString(), "--key", tmp.resolve("config/store.key").toString(),
                    "--cmis", edms.browserUrl(), "--user", "clerk", "--attempts", "1");

            assertThat(code).as(err.toString()).isEqualTo(8);
            assertThat(elsewhere.received()).isEmpty();
            assertThat(edms.received()).extracting(RogueCmisEndpoint.Received::target).containsExactly("/cmis/browser");
            assertThat(err.toString()).contains("says its repository is at " + elsewhere.base())
                    .contains("sends nothing outside the configured address");
            try (BatchStore s = BatchStore.open(store, StoreFixture.keyIn(tmp))) {
                assertThat(s.report().count(DocumentState.QUEUED)).isEqualTo(2);
            }
        }
    }

    @Test
    void anotherSchemeOrHostNameIsAnotherOriginToo() throws Exception {
        try (RogueCmisEndpoint edms = RogueCmisEndpoint.start()) {
            String port = edms.base().substring(edms.base().lastIndexOf(':') + 1);
            for (String base : List.of("https://127.0.0.1:" + port, "http://localhost:" + port, "http://127.0.0.2:" + port)) {
                edms.linkingTo(base);
                try (CmisBrowserClient client = new CmisBrowserClient(
                        EdmsConnection.of(edms.browserUrl(), new EdmsCredentials.Basic("clerk", "pw")))) {
                    assertThatThrownBy(client::repositoryInfo).as(base).isInstanceOf(EdmsRejectedException.class)
                            .hasMessageContaining("sends nothing outside the configured address");
                }
            }
            edms.linkingTo(edms.base());
            try (CmisBrowserClient client = new CmisBrowserClient(
                    EdmsConnection.of(edms.browserUrl(), new EdmsCredentials.Basic("clerk", "pw")))) {
                assertThat(client.repositoryInfo().id()).isEqualTo("A1");
            }
        }
    }

    @Test
    void credentialsGoOverPlainHttpOnlyToThisPcOrWhereItAllows() {
        EdmsCredentials basic = new EdmsCredentials.Basic("clerk", "pw");
        for (String url : List.of("http://edms.example/cmis/browser", "http://10.1.2.3:8080/cmis/browser",
                "http://127.example/cmis", "http://0.0.0.0:1/cmis/browser")) {
            assertThatThrownBy(() -> EdmsConnection.of(url, basic)).as(url)
                    .hasMessageContaining("would receive the account's password over plain http");
            assertThat(EdmsConnection.of(url, basic, true).url()).isEqualTo(url);
            assertThat(EdmsConnection.of(url, EdmsCredentials.none()).url()).isEqualTo(url);
        }
        for (String url : List.of("http://127.0.0.1:8081/cmis/browser", "http://127.9.8.7/cmis", "http://localhost:80/x",
                "http://[::1]:8080/cmis/browser", "https://edms.example/cmis/browser")) {
            assertThat(EdmsConnection.of(url, basic).url()).as(url).isEqualTo(url);
        }
    }

    @Test
    void theUploadCommandRefusesPlainHttpUnlessTheMachineFileAllowsIt() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Files.writeString(tmp.resolve("k.key"), "x");
        int code = cli("upload", "--store", store.toString(), "--key", tmp.resolve("k.key").toString(),
                "--cmis", "http://0.0.0.0:1/cmis/browser", "--user", "clerk", "--attempts", "1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("plain http").contains("edms.allowPlainHttp");

        Path machine = Files.writeString(tmp.resolve("station.json"), "{ \"edms\": { \"allowPlainHttp\": true } }");
        System.setProperty(MachineFile.TEST_OVERRIDE, machine.toString());
        Path real = tmp.resolve("real");
        try (BatchStore s = BatchStore.open(real, StoreFixture.keyIn(tmp))) {
            StoreFixture.queuedBatch(s, List.of(SamplePatientData.ALICE), 6);
        }
        err.getBuffer().setLength(0);
        code = cli("upload", "--store", real.toString(), "--key", tmp.resolve("config/store.key").toString(),
                "--cmis", "http://0.0.0.0:1/cmis/browser", "--user", "clerk", "--attempts", "1");
        assertThat(err.toString()).doesNotContain("plain http");
        assertThat(code).as(err.toString()).isEqualTo(7); // allowed: it got as far as the (absent) server
    }

    @Test
    void aMalformedCmisUrlNeverShowsItsPasswordAndIsABadArgument() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Files.writeString(tmp.resolve("k.key"), "x");
        for (String url : List.of("http://clerk:S3cretPw@edms.example:99999/cmis", "http://clerk:S3cretPw@edms example/cmis",
                "https://clerk:S3cretPw@edms.example/cmis/browser", "ftp://clerk:S3cretPw@edms.example/",
                "http://clerk:S3cretPw@[::1/cmis", "clerk:S3cretPw@edms.example", "http://:S3cretPw@/",
                "http://clerk:S3cret/Pw@edms.example/cmis", "http://clerk:S3cret?Pw@edms.example/",
                "http://clerk:S3cret#Pw@edms.example/", "http://clerk:S3cret%Pw@edms.example/")) {
            err.getBuffer().setLength(0);
            out.getBuffer().setLength(0);
            int code = cli("upload", "--store", store.toString(), "--key", tmp.resolve("k.key").toString(), "--cmis", url);
            assertThat(code).as(url + ": " + err).isEqualTo(2);
            assertThat(err + out.toString()).as(url).doesNotContain("S3cret").contains("EDMS URL");
        }
    }
}
