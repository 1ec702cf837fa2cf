package org.scanstation.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.scanstation.store.AtomicFiles;

/**
 * {@code manifest.json} of an export folder (and of its {@code review/} folder): the batch, then one
 * entry per written PDF. Written atomically (temporary file, then rename), and only ever listing files
 * that were completely written; when the export stopped early it says so ({@code complete: false} and
 * the error), so a reader never takes a half-finished export for a whole one.
 */
final class ExportManifest {

    static final String FILE_NAME = "manifest.json";

    private ExportManifest() {
    }

    static void write(Path folder, BatchInfo info, ZonedDateTime created, List<ExportedDocument> documents,
                      String error) throws ExportException {
        Path target = folder.resolve(FILE_NAME);
        try {
            AtomicFiles.write(target, json(info, created, documents, error));
        } catch (IOException e) {
            throw OutputFolder.translate(e, target);
        }
    }

    static byte[] json(BatchInfo info, ZonedDateTime created, List<ExportedDocument> documents, String error)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("batchId", info.batchId());
            json.writeStringField("stationId", info.stationId());
            json.writeStringField("operator", info.operator());
            json.writeStringField("scanned", info.scanDate() == null ? null : iso(info.scanDate()));
            json.writeStringField("created", iso(created));
            json.writeBooleanField("complete", error == null);
            if (error != null) {
                json.writeStringField("error", error);
            }
            json.writeArrayFieldStart("documents");
            for (ExportedDocument d : documents) {
                json.writeStartObject();
                json.writeNumberField("document", d.document());
                json.writeStringField("file", d.file());
                json.writeStringField("status", d.status());
                if (d.patient() == null) {
                    json.writeNullField("patient");
                } else {
                    json.writeObjectFieldStart("patient");
                    json.writeStringField("nhsNumber", d.patient().nhsNumber().digits());
                    json.writeStringField("mrn", d.patient().mrn());
                    json.writeStringField("name", d.patient().displayName());
                    json.writeEndObject();
                }
                json.writeArrayFieldStart("sources");
                for (String s : d.sources()) {
                    json.writeString(s);
                }
                json.writeEndArray();
                json.writeNumberField("pageCount", d.pageCount());
                json.writeStringField("sha256", d.sha256());
                json.writeNumberField("bytes", d.bytes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static String iso(ZonedDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
