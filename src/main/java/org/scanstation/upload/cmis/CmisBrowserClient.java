package org.scanstation.upload.cmis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.scanstation.upload.ContentDigest;
import org.scanstation.upload.DocumentKey;
import org.scanstation.upload.EdmsAddress;
import org.scanstation.upload.EdmsClient;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import org.scanstation.upload.EdmsDocument;
import org.scanstation.upload.EdmsException;
import org.scanstation.upload.EdmsRejectedException;
import org.scanstation.upload.EdmsUnavailableException;
import org.scanstation.upload.NewDocument;
import org.scanstation.logging.Redactor;
import org.scanstation.upload.RepositoryInfo;
import org.scanstation.upload.TransferProgress;

/**
 * CMIS 1.1 browser binding (JSON over HTTP) client on OkHttp + Jackson.
 *
 * <p>Each document is created as {@code cmis:document} named {@code KEY.pdf}, where KEY is the
 * {@link DocumentKey} (batch id, document index, sha256), with {@code cmis:description} holding the
 * station's metadata as {@code name=value} pairs. The name makes the key queryable with every
 * repository's default types ({@code SELECT ... FROM cmis:document WHERE cmis:name = 'KEY.pdf'}), and
 * the per-folder name uniqueness of CMIS is a second guard against duplicates when a repository's
 * query index lags: a create that meets {@code nameConstraintViolation} returns the existing object.
 * See docs/adr/0005-idempotent-upload.md.
 */
public final class CmisBrowserClient implements EdmsClient {

    private static final Logger LOG = Logger.getLogger(CmisBrowserClient.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");

    private final EdmsConnection connection;
    private final HttpUrl serviceUrl;
    private final EdmsAddress origin;
    private final OkHttpClient http;
    private volatile Repository repository;

    private record Repository(RepositoryInfo info, HttpUrl repositoryUrl, HttpUrl rootFolderUrl, String rootFolderId) {
    }

    /**
     * @throws IllegalArgumentException when the URL is malformed or the trust store cannot be read
     */
    public CmisBrowserClient(EdmsConnection connection) {
        this.connection = connection;
        this.origin = connection.address();
        HttpUrl url = HttpUrl.parse(connection.url().strip());
        if (url == null) {
            throw new IllegalArgumentException("not a valid EDMS URL: " + EdmsAddress.shown(connection.url()));
        }
        this.serviceUrl = url;
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(connection.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(connection.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(connection.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        // a read sent on a keep-alive connection the server had closed while it lay idle is sent once more
        // (a read is safe to repeat); writes never are: OkHttp's own silent retry stays off for them
        b.addInterceptor(new StaleConnectionReadRetry());
        // nothing (no request, no credentials, no document) goes anywhere but the configured origin
        b.addInterceptor(chain -> {
            HttpUrl to = chain.request().url();
            if (!origin.sameOrigin(addressOf(to))) {
                throw new ForeignOriginException(addressOf(to));
            }
            return chain.proceed(chain.request());
        });
        String auth = authorization(connection.credentials());
        if (auth != null) {
            b.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Authorization", auth).build()));
        }
        if (connection.trustStore() != null) {
            configureTrust(b, connection);
        }
        this.http = b.build();
    }

    private static String authorization(EdmsCredentials c) {
        if (c instanceof EdmsCredentials.Basic basic) {
            return Credentials.basic(basic.user(), basic.password() == null ? "" : basic.password(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        if (c instanceof EdmsCredentials.Bearer bearer) {
            return "Bearer " + bearer.token();
        }
        return null;
    }

    private static void configureTrust(OkHttpClient.Builder b, EdmsConnection c) {
        String name = c.trustStore().getFileName().toString().toLowerCase();
        String type = name.endsWith(".jks") ? "JKS" : "PKCS12";
        try (InputStream in = Files.newInputStream(c.trustStore())) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, c.trustStorePassword());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            X509TrustManager tm = null;
            for (TrustManager m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            if (tm == null) {
                throw new IllegalArgumentException("trust store " + c.trustStore() + " holds no X.509 certificates");
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {tm}, null);
            b.sslSocketFactory(ssl.getSocketFactory(), tm);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store " + c.trustStore() + ": " + e.getMessage(),
                    e);
        }
    }

    // ------------------------------------------------------------------ EdmsClient

    @Override
    public RepositoryInfo repositoryInfo() throws EdmsException {
        return repository().info();
    }

    /** The repository list, asked again (not the one remembered since the first request). */
    @Override
    public void ping() throws EdmsException {
        call(new Request.Builder().url(serviceUrl).get().build());
    }

    @Override
    public String ensureFolder(List<String> path) throws EdmsException {
        Repository repo = repository();
        String parentId = repo.rootFolderId();
        List<String> walked = new ArrayList<>();
        for (String segment : path) {
            walked.add(segment);
            Optional<JsonNode> existing = objectByPath(repo, walked);
            if (existing.isPresent()) {
                parentId = folderId(existing.get());
                continue;
            }
            FormBody body = new FormBody.Builder()
                    .add("cmisaction", "createFolder")
                    .add("propertyId[0]", "cmis:name").add("propertyValue[0]", segment)
                    .add("propertyId[1]", "cmis:objectTypeId").add("propertyValue[1]", "cmis:folder")
                    .add("succinct", "true")
                    .build();
            HttpUrl url = repo.rootFolderUrl().newBuilder().addQueryParameter("objectId", parentId).build();
            try {
                parentId = text(call(new Request.Builder().url(url).post(body).build()), "cmis:objectId");
            } catch (EdmsRejectedException e) {
                if (!isNameConflict(e)) {
                    throw e;
                }
                // created meanwhile by another station or an earlier attempt whose answer was lost
                parentId = folderId(objectByPath(repo, walked).orElseThrow(() -> e));
            }
        }
        return parentId;
    }

    @Override
    public Optional<EdmsDocument> find(DocumentKey key) throws EdmsException {
        Repository repo = repository();
        String q = "SELECT cmis:objectId, cmis:name, cmis:contentStreamLength FROM cmis:document WHERE cmis:name = '"
                + fileName(key) + "'";
        HttpUrl url = repo.repositoryUrl().newBuilder()
                .addQueryParameter("cmisselector", "query")
                .addQueryParameter("q", q)
                .addQueryParameter("searchAllVersions", "false")
                .addQueryParameter("succinct", "true")
                .build();
        JsonNode answer = call(new Request.Builder().url(url).get().build());
        JsonNode results = answer.path("results");
        if (!results.isArray() || results.isEmpty()) {
            return Optional.empty();
        }
        if (results.size() > 1) {
            LOG.warning(() -> "the EDMS holds " + results.size() + " documents with key " + key + "; using the first");
        }
        return Optional.of(document(results.get(0), true));
    }

    @Override
    public EdmsDocument create(String folderId, NewDocument doc, TransferProgress progress) throws EdmsException {
        return createNamed(folderId, fileName(doc.key()), description(doc),
                doc.mediaType() == null ? "application/pdf" : doc.mediaType(), doc.content(), progress);
    }

    @Override
    public EdmsDocument createFile(String folderId, String name, String mediaType, byte[] content, String description)
            throws EdmsException {
        return createNamed(folderId, name, description, mediaType, content, TransferProgress.NONE);
    }

    private EdmsDocument createNamed(String folderId, String name, String description, String mediaType,
                                     byte[] content, TransferProgress progress) throws EdmsException {
        Repository repo = repository();
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("cmisaction", "createDocument")
                .addFormDataPart("propertyId[0]", "cmis:objectTypeId")
                .addFormDataPart("propertyValue[0]", "cmis:document")
                .addFormDataPart("propertyId[1]", "cmis:name")
                .addFormDataPart("propertyValue[1]", name)
                .addFormDataPart("propertyId[2]", "cmis:description")
                .addFormDataPart("propertyValue[2]", description)
                .addFormDataPart("succinct", "true");
        MediaType type = MediaType.parse(mediaType);
        // the content part goes last: the browser binding streams it
        body.addFormDataPart("content", name,
                new ProgressRequestBody(content, type == null ? OCTETS : type, progress));
        HttpUrl url = repo.rootFolderUrl().newBuilder().addQueryParameter("objectId", folderId).build();
        try {
            JsonNode created = call(new Request.Builder().url(url).post(body.build()).build());
            return document(created, false);
        } catch (EdmsRejectedException e) {
            if (!isNameConflict(e)) {
                throw e;
            }
            JsonNode folder = call(new Request.Builder().url(objectUrl(repo, folderId, "object")).get().build());
            String folderPath = text(folder, "cmis:path");
            List<String> segments = new ArrayList<>(EdmsConnection.parseFolderPath(folderPath));
            segments.add(name);
            JsonNode existing = objectByPath(repo, segments).orElseThrow(() -> e);
            return document(existing, true);
        }
    }

    @Override
    public List<EdmsDocument> documentsIn(List<String> path) throws EdmsException {
        Repository repo = repository();
        List<EdmsDocument> out = new ArrayList<>();
        int page = 200;
        for (int skip = 0; ; skip += page) {
            HttpUrl.Builder u = repo.rootFolderUrl().newBuilder();
            path.forEach(u::addPathSegment);
            u.addQueryParameter("cmisselector", "children").addQueryParameter("succinct", "true")
                    .addQueryParameter("maxItems", Integer.toString(page))
                    .addQueryParameter("skipCount", Integer.toString(skip));
            JsonNode answer;
            try {
                answer = call(new Request.Builder().url(u.build()).get().build());
            } catch (EdmsRejectedException e) {
                if (e.status() == 404) {
                    return out;
                }
                throw e;
            }
            for (JsonNode child : answer.path("objects")) {
                JsonNode object = child.path("object");
                if ("cmis:document".equals(text(object, "cmis:baseTypeId"))) {
                    out.add(document(object, true));
                }
            }
            if (!answer.path("hasMoreItems").asBoolean(false) || answer.path("objects").isEmpty()) {
                return out;
            }
        }
    }

    @Override
    public long download(String objectId, OutputStream out) throws EdmsException {
        Repository repo = repository();
        Request req = new Request.Builder().url(objectUrl(repo, objectId, "content")).get().build();
        try (Response res = http.newCall(req).execute()) {
            if (!res.isSuccessful()) {
                throw failure(res);
            }
            ResponseBody body = res.body();
            try (InputStream in = body.byteStream()) {
                return in.transferTo(out);
            }
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    @Override
    public ContentDigest contentDigest(String objectId) throws EdmsException {
        return EdmsClient.super.contentDigest(objectId);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ------------------------------------------------------------------ helpers

    /** The object name used for a key: {@code KEY.pdf}. */
    public static String fileName(DocumentKey key) {
        return key.value() + ".pdf";
    }

    private static String description(NewDocument doc) {
        StringBuilder sb = new StringBuilder(doc.description() == null ? "" : doc.description());
        sb.append(sb.length() == 0 ? "" : " ").append("[scanstation-key=").append(doc.key().value());
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(doc.metadata()).entrySet()) {
            sb.append("; ").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.append(']').toString();
    }

    private Repository repository() throws EdmsException {
        Repository r = repository;
        if (r != null) {
            return r;
        }
        JsonNode all = call(new Request.Builder().url(serviceUrl).get().build());
        JsonNode chosen = null;
        if (connection.repositoryId() != null) {
            chosen = all.get(connection.repositoryId());
            if (chosen == null) {
                throw new EdmsRejectedException(404, "objectNotFound",
                        "the EDMS has no repository '" + connection.repositoryId() + "'", true);
            }
        } else {
            Iterator<JsonNode> it = all.elements();
            if (it.hasNext()) {
                chosen = it.next();
            }
        }
        if (chosen == null || !chosen.has("rootFolderUrl")) {
            throw new EdmsRejectedException(0, "invalidArgument",
                    "the URL does not look like a CMIS browser binding endpoint (no repository listed)", true);
        }
        RepositoryInfo info = new RepositoryInfo(chosen.path("repositoryId").asText(),
                chosen.path("repositoryName").asText(), chosen.path("productName").asText(),
                chosen.path("productVersion").asText(), chosen.path("cmisVersionSupported").asText());
        r = new Repository(info, sameOriginLink(chosen, "repositoryUrl"), sameOriginLink(chosen, "rootFolderUrl"),
                chosen.path("rootFolderId").asText());
        repository = r;
        return r;
    }

    /**
     * A link from the repository information, only when it points at the configured origin: a server
     * (or whoever answers in its place) cannot send the station's credentials and documents elsewhere.
     */
    private HttpUrl sameOriginLink(JsonNode repository, String field) throws EdmsRejectedException {
        HttpUrl link = HttpUrl.parse(repository.path(field).asText(""));
        if (link == null) {
            throw new EdmsRejectedException(0, "invalidArgument", "the EDMS's repository information has no valid "
                    + field + ": is this a CMIS browser binding endpoint?", true);
        }
        EdmsAddress to = addressOf(link);
        if (!origin.sameOrigin(to)) {
            throw new EdmsRejectedException(0, "origin", "the EDMS at " + origin + " says its repository is at " + to
                    + " (" + field + "); the station sends nothing outside the configured address. IT: configure"
                    + " the EDMS's public address, or the station's URL, so that they agree", true);
        }
        return link;
    }

    private static EdmsAddress addressOf(HttpUrl url) {
        return new EdmsAddress(url.scheme(), url.host().toLowerCase(java.util.Locale.ROOT), url.port());
    }

    /** A request was about to leave for another origin; it was stopped before connecting. */
    private static final class ForeignOriginException extends IOException {
        final EdmsAddress to;

        ForeignOriginException(EdmsAddress to) {
            super("refused to contact " + to + ": not the configured EDMS");
            this.to = to;
        }
    }

    private Optional<JsonNode> objectByPath(Repository repo, List<String> segments) throws EdmsException {
        HttpUrl.Builder u = repo.rootFolderUrl().newBuilder();
        for (String s : segments) {
            u.addPathSegment(s);
        }
        u.addQueryParameter("cmisselector", "object").addQueryParameter("succinct", "true");
        try {
            return Optional.of(call(new Request.Builder().url(u.build()).get().build()));
        } catch (EdmsRejectedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static HttpUrl objectUrl(Repository repo, String objectId, String selector) {
        return repo.rootFolderUrl().newBuilder().addQueryParameter("objectId", objectId)
                .addQueryParameter("cmisselector", selector).addQueryParameter("succinct", "true").build();
    }

    private static String folderId(JsonNode object) throws EdmsRejectedException {
        if (!"cmis:folder".equals(text(object, "cmis:baseTypeId"))) {
            throw new EdmsRejectedException(409, "constraint", "a document stands where a folder is expected");
        }
        return text(object, "cmis:objectId");
    }

    private static EdmsDocument document(JsonNode object, boolean existed) {
        return new EdmsDocument(text(object, "cmis:objectId"), text(object, "cmis:name"),
                props(object).path("cmis:contentStreamLength").asLong(-1), existed);
    }

    private static JsonNode props(JsonNode object) {
        return object.has("succinctProperties") ? object.get("succinctProperties") : object;
    }

    private static String text(JsonNode object, String property) {
        JsonNode v = props(object).get(property);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean isNameConflict(EdmsRejectedException e) {
        return e.status() == 409 && ("nameConstraintViolation".equals(e.serverError())
                || "contentAlreadyExists".equals(e.serverError()));
    }

    private JsonNode call(Request req) throws EdmsException {
        try (Response res = http.newCall(req).execute()) {
            if (!res.isSuccessful()) {
                throw failure(res);
            }
            String body = res.body().string();
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new EdmsUnavailableException("the EDMS answered with something that is not CMIS JSON (HTTP "
                        + res.code() + ")", res.code(), e);
            }
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private EdmsException unreachable(IOException e) {
        if (e instanceof ForeignOriginException f) {
            return new EdmsRejectedException(0, "origin", "a request to " + f.to + " was stopped: the station talks only"
                    + " to the configured EDMS at " + origin, true);
        }
        if (e instanceof javax.net.ssl.SSLHandshakeException || e instanceof javax.net.ssl.SSLPeerUnverifiedException) {
            // a certificate problem does not go away by retrying: the trust store must be configured
            return new EdmsRejectedException(0, "tls", "the EDMS certificate is not trusted or does not match "
                    + serviceUrl.host() + " (configure the trust store): " + Redactor.mask(e.getMessage()), true);
        }
        return unavailable(e);
    }

    private EdmsUnavailableException unavailable(IOException e) {
        String what = e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException
                ? "timed out" : "failed (" + e.getClass().getSimpleName() + ": " + Redactor.mask(e.getMessage()) + ")";
        return new EdmsUnavailableException("connection to the EDMS at " + serviceUrl.host() + ":" + serviceUrl.port()
                + " " + what, 0, e);
    }

    private static EdmsException failure(Response res) {
        int code = res.code();
        String error = null;
        String message = null;
        try {
            String text = res.body().string();
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isObject()) {
                error = json.path("exception").asText(null);
                message = json.path("message").asText(null);
            } else {
                message = text.length() > 200 ? text.substring(0, 200) : text;
            }
        } catch (IOException | RuntimeException e) {
            // keep the status alone
        }
        message = Redactor.mask(message);
        if (code >= 500 || code == 408 || code == 429) {
            return new EdmsUnavailableException("the EDMS answered HTTP " + code
                    + (message == null ? "" : ": " + message), code, null);
        }
        return new EdmsRejectedException(code, error, message);
    }
}
