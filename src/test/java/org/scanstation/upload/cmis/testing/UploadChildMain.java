package org.scanstation.upload.cmis.testing;

import java.nio.file.Path;
import java.util.List;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StoredDocument;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import org.scanstation.upload.EdmsDocument;
import org.scanstation.upload.UploadListener;
import org.scanstation.upload.UploadResult;
import org.scanstation.upload.UploadService;
import org.scanstation.upload.UploadSettings;
import org.scanstation.upload.cmis.CmisBrowserClient;

/**
 * Child process for the SIGKILL test: {@code STORE KEYFILE CMIS-URL FOLDER-ROOT}. Uploads everything
 * queued, printing {@code creating|uploaded|found-existing|verified|purged BATCH DOC} as it goes and
 * the outcome last; exits 0 only when all is verified.
 */
public final class UploadChildMain {

    private UploadChildMain() {
    }

    public static void main(String[] args) throws Exception {
        try (BatchStore store = BatchStore.open(Path.of(args[0]), new KeyFileProvider(Path.of(args[1])));
             CmisBrowserClient client = new CmisBrowserClient(EdmsConnection.of(args[2],
                     new EdmsCredentials.Basic("dummyuser", "dummysecret")))) {
            UploadResult r = new UploadService(client, UploadSettings.defaults().withFolderRoot(List.of(args[3])))
                    .uploadAll(store, new UploadListener() {
                        @Override
                        public void creating(StoredDocument d) {
                            say("creating", d);
                        }

                        @Override
                        public void uploaded(StoredDocument d, EdmsDocument e) {
                            say(e.existed() ? "found-existing" : "uploaded", d);
                        }

                        @Override
                        public void verified(StoredDocument d) {
                            say("verified", d);
                        }

                        @Override
                        public void purged(StoredDocument d) {
                            say("purged", d);
                        }
                    });
            System.out.println("outcome " + r.outcome() + " " + r.summary());
            System.exit(r.outcome().isSuccess() ? 0 : 1);
        }
    }

    private static void say(String what, StoredDocument d) {
        System.out.println(what + " " + d.batchId() + " " + d.index());
    }
}
