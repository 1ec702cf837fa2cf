package org.scanstation.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.scanstation.barcode.Barcode;
import org.scanstation.image.SkippedInput;

/**
 * Writes the analysis contract's JSON ({@code {"skipped": [...], "pages": [...]}}) page by page as results arrive, so
 * the output of a batch of any size takes constant memory.
 */
public final class AnalysisJsonWriter implements AutoCloseable {

    private final JsonGenerator json;

    public AnalysisJsonWriter(OutputStream out) throws IOException {
        this(out, List.of());
    }

    /**
     * @param skipped what the input folders hold that is not read as pages, with the reasons: written
     *                first, as {@code "skipped": [{"source", "reason"}]}
     */
    public AnalysisJsonWriter(OutputStream out, List<SkippedInput> skipped) throws IOException {
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeArrayFieldStart("skipped");
        for (SkippedInput s : skipped) {
            json.writeStartObject();
            json.writeStringField("source", s.source());
            json.writeStringField("reason", s.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("pages");
    }

    public void write(PageAnalysis p) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", p.id().name());
        json.writeStringField("status", p.status().json());
        if (p.patient() == null) {
            json.writeNullField("patient");
        } else {
            json.writeObjectFieldStart("patient");
            json.writeStringField("nhsNumber", p.patient().nhsNumber().digits());
            json.writeStringField("mrn", p.patient().mrn());
            json.writeEndObject();
        }
        json.writeNumberField("confidence", p.confidence());
        json.writeNumberField("rotation", p.rotation());
        json.writeNumberField("skew", Math.round(p.skew() * 100) / 100.0);
        if (p.document() == null) {
            json.writeNullField("document");
        } else {
            json.writeNumberField("document", p.document());
        }
        json.writeArrayFieldStart("barcodes");
        for (Barcode b : p.barcodes()) {
            json.writeStartObject();
            json.writeStringField("format", b.format());
            json.writeStringField("text", b.text());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("reasons");
        for (String r : p.reasons()) {
            json.writeString(r);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
