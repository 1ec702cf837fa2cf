package org.scanstation.upload.cmis.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Looks into the CMIS repository independently of the client under test (JDK HttpClient, straight
 * browser-binding URLs), so the tests check what the EDMS really holds.
 */
public final class CmisInspector {

    /** A document in a folder. */
    public record Entry(String objectId, String name, long length, String description) {
    }

    private final String rootFolderUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("dummyuser:dummysecret".getBytes(StandardCharsets.UTF_8));

    /** @param browserUrl the server's browser binding URL (not through a proxy) */
    public CmisInspector(String browserUrl) {
        this.rootFolderUrl = browserUrl + "/A1/root";
    }

    /** Documents in the folder at {@code path}, empty when the folder does not exist. */
    public List<Entry> documents(List<String> path) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(rootFolderUrl);
        for (String s : path) {
            url.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        url.append("?cmisselector=children&succinct=true&maxItems=1000");
        HttpResponse<byte[]> res = get(url.toString());
        List<Entry> out = new ArrayList<>();
        if (res.statusCode() == 404) {
            return out;
        }
        for (JsonNode o : json.readTree(res.body()).path("objects")) {
            JsonNode p = o.path("object").path("succinctProperties");
            if ("cmis:document".equals(p.path("cmis:baseTypeId").asText())) {
                out.add(new Entry(p.path("cmis:objectId").asText(), p.path("cmis:name").asText(),
                        p.path("cmis:contentStreamLength").asLong(), p.path("cmis:description").asText()));
            }
        }
        return out;
    }

    public byte[] content(String objectId) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = get(rootFolderUrl + "?cmisselector=content&objectId=" + objectId);
        if (res.statusCode() != 200) {
            throw new IOException("content of " + objectId + ": HTTP " + res.statusCode());
        }
        return res.body();
    }

    /** Replaces a document's content behind the station's back (cmisaction=setContent). */
    public void replaceContent(String objectId, byte[] content) throws IOException, InterruptedException {
        String boundary = "----inspector" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"cmisaction\"\r\n\r\nsetContent\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"x.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.US_ASCII));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(rootFolderUrl + "?objectId=" + objectId))
                        .header("Authorization", auth)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() >= 300) {
            throw new IOException("setContent: HTTP " + res.statusCode() + " " + new String(res.body(), StandardCharsets.UTF_8));
        }
    }

    /** Deletes an object behind the station's back (cmisaction=delete). */
    public void delete(String objectId) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(rootFolderUrl + "?objectId=" + objectId))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("cmisaction=delete&allVersions=true")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() >= 300) {
            throw new IOException("delete: HTTP " + res.statusCode() + " " + new String(res.body(), StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
