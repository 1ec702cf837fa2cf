package org.scanstation.scan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An eSCL scanner on 127.0.0.1 as the Mopria eSCL specification describes it, serving a recorded
 * {@code ScannerCapabilities} document: {@code GET ScannerCapabilities}, {@code GET ScannerStatus},
 * {@code POST ScanJobs} (201 + Location), {@code GET ScanJobs/{id}/NextDocument} (200 with a JPEG
 * page, 404 when no page is left, 503 while "warming up"), {@code DELETE ScanJobs/{id}}.
 * Behaviour switches play a busy scanner, an empty feeder and a jam.
 */
public final class EsclTestScanner implements AutoCloseable {

    private final HttpServer server;
    private final byte[] capabilities;
    private final List<byte[]> feeder;
    final List<String> postedSettings = new CopyOnWriteArrayList<>();
    final List<String> deletedJobs = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> jobs = new ConcurrentHashMap<>();
    volatile String adfState = "ScannerAdfLoaded";
    volatile boolean busy;
    volatile int jamAfterPages = -1;
    volatile int warmUpRetries;
    volatile boolean absoluteLocation;
    /** Pages of a NextDocument are held back by this long (a slow scanner). */
    volatile long pageDelayMillis;

    public EsclTestScanner(String capabilitiesResource, List<byte[]> feederPages) throws IOException {
        try (InputStream in = EsclTestScanner.class.getResourceAsStream("/escl/" + capabilitiesResource)) {
            this.capabilities = in.readAllBytes();
        }
        this.feeder = List.copyOf(feederPages);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/eSCL/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String uri() {
        return "escl://127.0.0.1:" + server.getAddress().getPort() + "/eSCL";
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        requests.add(method + " " + path);
        try (ex) {
            if (method.equals("GET") && path.equals("/eSCL/ScannerCapabilities")) {
                send(ex, 200, "text/xml", capabilities);
            } else if (method.equals("GET") && path.equals("/eSCL/ScannerStatus")) {
                send(ex, 200, "text/xml", status().getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("POST") && path.equals("/eSCL/ScanJobs")) {
                postedSettings.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (busy) {
                    send(ex, 503, "text/plain", new byte[0]);
                    return;
                }
                String id = UUID.randomUUID().toString();
                jobs.put(id, new AtomicInteger());
                String location = "/eSCL/ScanJobs/" + id;
                if (absoluteLocation) {
                    location = "http://127.0.0.1:" + server.getAddress().getPort() + location;
                }
                ex.getResponseHeaders().add("Location", location);
                send(ex, 201, "text/plain", new byte[0]);
            } else if (method.equals("GET") && path.matches("/eSCL/ScanJobs/[^/]+/NextDocument")) {
                nextDocument(ex, path.split("/")[3]);
            } else if (method.equals("DELETE") && path.matches("/eSCL/ScanJobs/[^/]+")) {
                String id = path.split("/")[3];
                deletedJobs.add(id);
                jobs.remove(id);
                send(ex, 200, "text/plain", new byte[0]);
            } else {
                send(ex, 404, "text/plain", new byte[0]);
            }
        }
    }

    private void nextDocument(HttpExchange ex, String id) throws IOException {
        AtomicInteger fed = jobs.get(id);
        if (fed == null) {
            send(ex, 404, "text/plain", new byte[0]);
            return;
        }
        if (warmUpRetries > 0) {
            warmUpRetries--;
            send(ex, 503, "text/plain", new byte[0]);
            return;
        }
        if (adfState.equals("ScannerAdfEmpty") && fed.get() == 0) {
            send(ex, 404, "text/plain", new byte[0]);
            return;
        }
        if (jamAfterPages >= 0 && fed.get() >= jamAfterPages) {
            adfState = "ScannerAdfJam";
            send(ex, 404, "text/plain", new byte[0]);
            return;
        }
        if (fed.get() >= feeder.size()) {
            adfState = "ScannerAdfEmpty";
            send(ex, 404, "text/plain", new byte[0]);
            return;
        }
        sleep(pageDelayMillis);
        send(ex, 200, "image/jpeg", feeder.get(fed.getAndIncrement()));
    }

    private String status() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scan:ScannerStatus xmlns:pwg=\"http://www.pwg.org/schemas/2010/12/sm\" "
                + "xmlns:scan=\"http://schemas.hp.com/imaging/escl/2011/05/03\">"
                + "<pwg:Version>2.63</pwg:Version><pwg:State>" + (busy ? "Processing" : "Idle") + "</pwg:State>"
                + "<scan:AdfState>" + adfState + "</scan:AdfState></scan:ScannerStatus>";
    }

    private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
