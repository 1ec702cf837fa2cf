package org.scanstation.upload.cmis.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP server on 127.0.0.1 that answers as a CMIS browser binding endpoint would, but as a
 * hostile or misconfigured server does: its repository information may point at another origin, and
 * it may refuse every folder and document with an error message of its choosing. It records every
 * request it receives (method, path and query, Authorization header). Used where the real OpenCMIS
 * server cannot be made to misbehave this way.
 */
public final class RogueCmisEndpoint implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String target, String authorization) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String linkBase;
    private volatile String refusal = "refused";

    private RogueCmisEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        linkBase = base();
    }

    /** A server whose links point at itself, refusing writes. */
    public static RogueCmisEndpoint start() throws IOException {
        return new RogueCmisEndpoint();
    }

    /** Its repository information sends clients to {@code base} (e.g. {@code http://127.0.0.1:PORT}). */
    public RogueCmisEndpoint linkingTo(String base) {
        this.linkBase = base;
        return this;
    }

    /** Every folder lookup is "not found" and every create answers 400 with this CMIS error message. */
    public RogueCmisEndpoint refusingWith(String message) {
        this.refusal = message;
        return this;
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String browserUrl() {
        return base() + "/cmis/browser";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        String target = ex.getRequestURI().toString();
        received.add(new Received(ex.getRequestMethod(), target, ex.getRequestHeaders().getFirst("Authorization")));
        ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        if (path.equals("/cmis/browser") && ex.getRequestMethod().equals("GET")) {
            send(ex, 200, """
                    {"A1": {"repositoryId": "A1", "repositoryName": "Rogue", "productName": "Rogue CMIS",
                      "productVersion": "1", "cmisVersionSupported": "1.1", "rootFolderId": "100",
                      "repositoryUrl": "%1$s/cmis/browser/A1", "rootFolderUrl": "%1$s/cmis/browser/A1/root"}}
                    """.formatted(linkBase));
        } else if (query.contains("cmisselector=query")) {
            send(ex, 200, "{\"results\": [], \"numItems\": 0, \"hasMoreItems\": false}");
        } else if (ex.getRequestMethod().equals("GET")) {
            send(ex, 404, "{\"exception\": \"objectNotFound\", \"message\": \"not found\"}");
        } else {
            send(ex, 400, "{\"exception\": \"constraint\", \"message\": " + quoted(refusal) + "}");
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
