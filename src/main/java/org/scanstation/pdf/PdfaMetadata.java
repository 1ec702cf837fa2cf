package org.scanstation.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * The PDF/A-2b parts of a document that are not pages: the Info dictionary and the XMP metadata
 * stream (kept consistent, as PDF/A requires), and the sRGB output intent. The patient and batch
 * identifiers go into Keywords / dc:subject and into custom Info entries (NHSNumber, HospitalNumber,
 * PatientName, BatchId, PageCount, ScanDate, StationId, Operator, DocumentIndex, SourcePages).
 */
final class PdfaMetadata {

    static final String PRODUCER = "ScanStation (Apache PDFBox 3)";
    static final String CREATOR_TOOL = "ScanStation";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private PdfaMetadata() {
    }

    static void apply(PDDocument doc, DocumentMetadata meta, int pageCount, ZonedDateTime now) throws IOException {
        Calendar created = calendar(now);
        String subject = subject(meta, pageCount);
        List<String> keywords = keywords(meta);
        String author = author(meta);

        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(meta.title());
        info.setSubject(subject);
        if (author != null) {
            info.setAuthor(author);
        }
        if (!keywords.isEmpty()) {
            info.setKeywords(String.join("; ", keywords));
        }
        info.setCreator(CREATOR_TOOL);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);
        custom(info, "NHSNumber", meta.nhsNumber());
        custom(info, "HospitalNumber", meta.hospitalNumber());
        custom(info, "PatientName", meta.patientName());
        custom(info, "BatchId", meta.batchId());
        custom(info, "PageCount", Integer.toString(pageCount));
        custom(info, "ScanDate", meta.scanDate() == null ? null
                : meta.scanDate().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        custom(info, "StationId", meta.stationId());
        custom(info, "Operator", meta.operator());
        custom(info, "DocumentIndex", meta.documentIndex() == null ? null : meta.documentIndex().toString());
        custom(info, "SourcePages", meta.sourcePages().isEmpty() ? null : String.join(", ", meta.sourcePages()));

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(meta.title());
        dc.setDescription(subject);
        if (author != null) {
            dc.addCreator(author);
        }
        for (String k : keywords) {
            dc.addSubject(k);
        }
        dc.setFormat("application/pdf");

        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        if (!keywords.isEmpty()) {
            pdf.setKeywords(String.join("; ", keywords));
        }

        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(CREATOR_TOOL);
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        basic.setMetadataDate(created);

        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(2);
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }

        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, packet, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("could not write XMP metadata: " + e.getMessage(), e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(packet.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgbProfile()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    private static byte[] srgbProfile() {
        return ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** Whole seconds: PDF dates carry no fractions, and Info and XMP must agree. */
    static Calendar calendar(ZonedDateTime time) {
        GregorianCalendar cal = GregorianCalendar.from(time.truncatedTo(ChronoUnit.SECONDS));
        cal.set(Calendar.MILLISECOND, 0);
        return cal;
    }

    private static String author(DocumentMetadata meta) {
        if (meta.operator() != null && !meta.operator().isBlank()) {
            return meta.stationId() == null || meta.stationId().isBlank()
                    ? meta.operator() : meta.operator() + " (" + meta.stationId() + ")";
        }
        return meta.stationId() == null || meta.stationId().isBlank() ? null : meta.stationId();
    }

    static List<String> keywords(DocumentMetadata meta) {
        List<String> k = new ArrayList<>();
        add(k, "NHS number ", meta.nhsNumber());
        add(k, "Hospital number ", meta.hospitalNumber());
        add(k, "Batch ", meta.batchId());
        return k;
    }

    static String subject(DocumentMetadata meta, int pageCount) {
        StringBuilder sb = new StringBuilder("Scanned health record");
        if (present(meta.patientName())) {
            sb.append(" of ").append(meta.patientName());
        }
        if (present(meta.nhsNumber())) {
            sb.append(", NHS number ").append(meta.nhsNumber());
        }
        if (present(meta.hospitalNumber())) {
            sb.append(", hospital number ").append(meta.hospitalNumber());
        }
        sb.append(", ").append(pageCount).append(pageCount == 1 ? " page" : " pages");
        if (present(meta.batchId())) {
            sb.append(", batch ").append(meta.batchId());
        }
        if (meta.scanDate() != null) {
            sb.append(", scanned ").append(meta.scanDate().toLocalDate());
        }
        if (present(meta.stationId())) {
            sb.append(" at station ").append(meta.stationId());
        }
        if (present(meta.operator())) {
            sb.append(" by ").append(meta.operator());
        }
        return sb.toString();
    }

    private static void add(List<String> k, String label, String value) {
        if (present(value)) {
            k.add(label + value.strip());
        }
    }

    private static void custom(PDDocumentInformation info, String key, String value) {
        if (present(value)) {
            info.setCustomMetadataValue(key, value.strip());
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
