package org.scanstation.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.scanstation.files.NewFiles;
import org.scanstation.store.AtomicFiles;

/**
 * {@code manifest.json} of an export folder (and of its {@code review/} folder): the batch, then one
 * entry per written PDF; {@code <batch id>-manifest.json} when another batch's manifest is already
 * there. Written atomically (temporary file, then a new name: never replacing a file), owner-only
 * ({@link NewFiles}), and only ever listing files
 * that were completely written; when the export stopped early it says so ({@code complete: false} and
 * the error), so a reader never takes a half-finished export for a whole one.
 */
final class ExportManifest {

    static final String FILE_NAME = "manifest.json";

    private ExportManifest() {
    }

    /**
     * Writes the manifest as {@code manifest.json}, or, when the folder already holds one (another batch
     * exported there), as {@code <batch id>-manifest.json}: an existing file is never replaced.
     *
     * @return the file written
     */
    static Path write(Path folder, BatchInfo info, ZonedDateTime created, List<ExportedDocument> documents,
                      String error) throws ExportException {
        Path target = folder.resolve(FILE_NAME);
        Path temp = null;
        try {
            temp = NewFiles.temporaryBeside(target, FILE_NAME);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(json(info, created, documents, error));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                NewFiles.publish(temp, target);
            } catch (FileAlreadyExistsException taken) {
                target = folder.resolve(BatchExporter.batchPrefix(info) + "-" + FILE_NAME);
                try {
                    NewFiles.publish(temp, target);
                } catch (FileAlreadyExistsException again) {
                    throw new ExportException(ExportException.Reason.TARGET_EXISTS, "the folder " + folder + " already holds "
                            + FILE_NAME + " and " + target.getFileName() + "; neither was replaced", again);
                }
            }
            AtomicFiles.syncDirectory(folder);
            return target;
        } catch (IOException e) {
            throw OutputFolder.translate(e, target);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a dot name is never taken for a result
                }
            }
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
