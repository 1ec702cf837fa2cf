package org.scanstation.samples;

import static org.scanstation.samples.LabelLayout.BarcodeContent.GS1;
import static org.scanstation.samples.LabelLayout.BarcodeContent.MRN;
import static org.scanstation.samples.LabelLayout.BarcodeContent.NHS;
import static org.scanstation.samples.LabelLayout.BarcodeContent.STRUCTURED;
import static org.scanstation.samples.LabelLayout.Field.DOB;
import static org.scanstation.samples.LabelLayout.Field.NAME;
import static org.scanstation.samples.LabelLayout.Field.POSTCODE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.scanstation.samples.LabelLayout.BarcodeContent;
import org.scanstation.samples.LabelLayout.DobStyle;
import org.scanstation.samples.LabelLayout.Field;
import org.scanstation.samples.LabelLayout.NameStyle;
import org.scanstation.samples.LabelLayout.NhsStyle;
import org.scanstation.samples.LabelLayout.Placement;
import org.scanstation.samples.LabelLayout.Symbology;
import org.scanstation.samples.LabelLayout.TypeFace;

/** The built-in catalogue of label layouts, and random composition of new ones. */
public final class LabelLayouts {

    private static final List<LabelLayout> CATALOGUE = List.of(
        new LabelLayout("box-sans-c128-nhs", true, false, TypeFace.SANS, true, true, 9.5f,
            NameStyle.FAMILY_COMMA_GIVEN, DobStyle.DD_MMM_YYYY, "DOB:", true, "NHS No:", NhsStyle.GROUPED,
            "Hosp No:", List.of(NAME, DOB, Field.NHS, Field.MRN), Symbology.CODE_128, NHS, Placement.BELOW),
        new LabelLayout("plain-serif-c39-mrn", false, false, TypeFace.SERIF, false, false, 10f,
            NameStyle.NAME_CAPTION, DobStyle.SLASHES, "Born", true, "NHS Number", NhsStyle.PLAIN,
            "MRN", List.of(NAME, DOB, Field.NHS, Field.MRN, POSTCODE), Symbology.CODE_39, MRN, Placement.BELOW),
        new LabelLayout("box-mono-dm-nhs", true, false, TypeFace.MONO, true, false, 9f,
            NameStyle.SURNAME_FORENAME, DobStyle.ISO, "DOB:", false, "NHS:", NhsStyle.DASHED,
            "Unit No:", List.of(Field.MRN, NAME, DOB, Field.NHS), Symbology.DATA_MATRIX, NHS, Placement.RIGHT),
        new LabelLayout("round-sans-qr-pid", true, true, TypeFace.SANS, true, false, 10f,
            NameStyle.GIVEN_FAMILY, DobStyle.LONG, "D.O.B.", true, "NHS No.", NhsStyle.GROUPED,
            "Hospital No:", List.of(NAME, Field.NHS, DOB, Field.MRN), Symbology.QR_CODE, STRUCTURED, Placement.RIGHT),
        new LabelLayout("plain-narrow-pdf417-nhs", false, false, TypeFace.NARROW, true, false, 10.5f,
            NameStyle.FAMILY_COMMA_GIVEN, DobStyle.SLASHES, "DOB", false, "NHS:", NhsStyle.PLAIN,
            "MRN:", List.of(Field.MRN, NAME, DOB, Field.NHS), Symbology.PDF_417, NHS, Placement.BELOW),
        new LabelLayout("box-serif-dm-gs1", true, false, TypeFace.SERIF, true, true, 9.5f,
            NameStyle.FAMILY_COMMA_GIVEN, DobStyle.DD_MMM_YYYY, "Date of Birth:", false, "NHS Number:",
            NhsStyle.GROUPED, "Hosp No:", List.of(NAME, DOB, Field.NHS, Field.MRN, POSTCODE), Symbology.DATA_MATRIX,
            GS1, Placement.LEFT),
        new LabelLayout("plain-mono-c128-mrn", false, false, TypeFace.MONO, false, false, 9.5f,
            NameStyle.FAMILY_COMMA_GIVEN, DobStyle.DOTS, "DOB", true, "NHS No:", NhsStyle.PLAIN,
            "Hospital No:", List.of(NAME, DOB, Field.MRN, Field.NHS), Symbology.CODE_128, MRN, Placement.BELOW),
        new LabelLayout("box-sans-c39-nhs", true, false, TypeFace.SANS, true, true, 9f,
            NameStyle.GIVEN_FAMILY, DobStyle.ISO, "DOB", false, "NHS Number", NhsStyle.GROUPED,
            "Unit No", List.of(Field.NHS, NAME, DOB, Field.MRN), Symbology.CODE_39, NHS, Placement.BELOW),
        new LabelLayout("plain-sans-qr-nhs", false, false, TypeFace.SANS, true, false, 10f,
            NameStyle.SURNAME_FORENAME, DobStyle.LONG, "Born:", true, "NHS No:", NhsStyle.GROUPED,
            "MRN:", List.of(NAME, DOB, Field.NHS, Field.MRN), Symbology.QR_CODE, NHS, Placement.LEFT),
        new LabelLayout("box-serif-c128-nhs-addr", true, false, TypeFace.SERIF, false, true, 10f,
            NameStyle.NAME_CAPTION, DobStyle.SLASHES, "DOB:", true, "NHS:", NhsStyle.GROUPED,
            "Hosp No:", List.of(NAME, DOB, Field.NHS, Field.MRN, POSTCODE), Symbology.CODE_128, NHS, Placement.BELOW),
        new LabelLayout("box-narrow-pdf417-mrn", true, true, TypeFace.NARROW, true, false, 10f,
            NameStyle.FAMILY_COMMA_GIVEN, DobStyle.DD_MMM_YYYY, "DOB:", true, "NHS No:", NhsStyle.PLAIN,
            "Hospital No:", List.of(NAME, DOB, Field.NHS, Field.MRN), Symbology.PDF_417, MRN, Placement.BELOW),
        new LabelLayout("plain-mono-textonly", false, false, TypeFace.MONO, true, false, 10f,
            NameStyle.FAMILY_COMMA_GIVEN, DobStyle.SLASHES, "DOB:", true, "NHS No:", NhsStyle.GROUPED,
            "Hosp No:", List.of(NAME, DOB, Field.NHS, Field.MRN, POSTCODE), Symbology.NONE, NHS, Placement.BELOW)
    );

    private static final String[] DOB_CAPTIONS = {"DOB:", "DOB", "D.O.B.", "Born", "Born:", "Date of Birth:", "DoB"};
    private static final String[] NHS_CAPTIONS = {"NHS No:", "NHS Number", "NHS:", "NHS No.", "NHS Number:", "NHS"};
    private static final String[] MRN_CAPTIONS = {"Hosp No:", "MRN", "MRN:", "Unit No:", "Hospital No:", "Hosp. No.",
        "Case No:", "Patient No:"};

    private LabelLayouts() {
    }

    /** The built-in layouts: 12 layouts covering the common real variations. */
    public static List<LabelLayout> catalogue() {
        return CATALOGUE;
    }

    /** A catalogue layout by id. */
    public static LabelLayout byId(String id) {
        return CATALOGUE.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown label layout '" + id + "'"));
    }

    /** {@code n} new layouts composed at random from every variation the renderer knows. */
    public static List<LabelLayout> random(Random rnd, int n) {
        List<LabelLayout> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(randomLayout(rnd, String.format("rnd%02d", i)));
        }
        return out;
    }

    private static LabelLayout randomLayout(Random rnd, String prefix) {
        TypeFace face = pick(rnd, TypeFace.values());
        Symbology sym = rnd.nextInt(10) == 0 ? Symbology.NONE
                : pick(rnd, new Symbology[] {Symbology.CODE_128, Symbology.CODE_39, Symbology.DATA_MATRIX,
                    Symbology.QR_CODE, Symbology.PDF_417});
        BarcodeContent content;
        switch (sym) {
            case DATA_MATRIX: content = pick(rnd, new BarcodeContent[] {NHS, MRN, GS1}); break;
            case QR_CODE: case PDF_417: content = pick(rnd, new BarcodeContent[] {NHS, MRN, STRUCTURED}); break;
            default: content = rnd.nextInt(3) == 0 ? MRN : NHS;
        }
        Placement placement = sym.square() ? pick(rnd, Placement.values()) : Placement.BELOW;
        List<Field> fields = new ArrayList<>(List.of(NAME, DOB, Field.NHS, Field.MRN));
        java.util.Collections.shuffle(fields, rnd);
        if (rnd.nextInt(3) == 0) {
            fields.add(POSTCODE);
        }
        boolean bordered = rnd.nextInt(3) > 0;
        String id = prefix + "-" + (bordered ? "box" : "plain") + "-" + face.name().toLowerCase() + "-"
                + sym.name().toLowerCase().replace("_", "");
        return new LabelLayout(id, bordered, bordered && rnd.nextInt(3) == 0, face, rnd.nextInt(4) > 0,
                rnd.nextBoolean(), 8.5f + rnd.nextInt(5) * 0.5f, pick(rnd, NameStyle.values()),
                pick(rnd, DobStyle.values()), pick(rnd, DOB_CAPTIONS), rnd.nextBoolean(), pick(rnd, NHS_CAPTIONS),
                pick(rnd, NhsStyle.values()), pick(rnd, MRN_CAPTIONS), fields, sym, content, placement);
    }

    private static <T> T pick(Random rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
