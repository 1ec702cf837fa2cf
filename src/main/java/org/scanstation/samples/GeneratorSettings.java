package org.scanstation.samples;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link SampleBatchGenerator} should produce. Everything that varies is drawn from a random
 * generator seeded with {@code seed}, so the same settings always give the same batch.
 *
 * @param seed          seed of every random choice
 * @param pages         number of page files to write (at least 1)
 * @param dpi           scan resolution, 300 (default) or 200
 * @param patients      number of patients in the generated index (at least 12)
 * @param maxLevel      worst degradation level used, 0 (clean) to 3 (noisy, low contrast, JPEG artefacts)
 * @param formats       file formats pages may be written in
 * @param jpegQuality   JPEG quality 0.1..1.0
 * @param traps         whether to include pages a person must review (conflicts, bad check digits ...)
 * @param randomLayouts 0 to use the built-in label layout catalogue; N > 0 to compose N new layouts
 *                      from the seed (unseen layouts for generalisation tests)
 * @param layoutIds     when not empty, only these catalogue layouts are used
 * @param faintShare    share (0..1) of the heavily degraded content pages (level 2 and 3) printed faint: light,
 *                      thin strokes that a bilevel scan breaks into specks (a worn toner cartridge, a light
 *                      photocopy); 0 leaves every page as before
 */
public record GeneratorSettings(long seed, int pages, int dpi, int patients, int maxLevel,
                                Set<PageFormat> formats, float jpegQuality, boolean traps,
                                int randomLayouts, List<String> layoutIds, double faintShare) {

    public GeneratorSettings {
        if (pages < 1 || pages > 100_000) {
            throw new IllegalArgumentException("pages must be between 1 and 100000, was " + pages);
        }
        if (dpi != 200 && dpi != 300) {
            throw new IllegalArgumentException("dpi must be 200 or 300, was " + dpi);
        }
        if (patients < 12 || patients > 100_000) {
            throw new IllegalArgumentException("patients must be between 12 and 100000, was " + patients);
        }
        if (maxLevel < 0 || maxLevel > 3) {
            throw new IllegalArgumentException("max level must be 0..3, was " + maxLevel);
        }
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("at least one page format is needed");
        }
        if (!(jpegQuality >= 0.1f && jpegQuality <= 1.0f)) {
            throw new IllegalArgumentException("JPEG quality must be 0.1..1.0, was " + jpegQuality);
        }
        if (randomLayouts < 0 || randomLayouts > 500) {
            throw new IllegalArgumentException("random layouts must be 0..500, was " + randomLayouts);
        }
        if (!(faintShare >= 0 && faintShare <= 1)) {
            throw new IllegalArgumentException("faint share must be 0..1, was " + faintShare);
        }
        formats = Set.copyOf(formats);
        layoutIds = layoutIds == null ? List.of() : List.copyOf(layoutIds);
        for (String id : layoutIds) {
            if (LabelLayouts.catalogue().stream().noneMatch(l -> l.id().equals(id))) {
                throw new IllegalArgumentException("unknown label layout '" + id + "'; known: "
                        + LabelLayouts.catalogue().stream().map(LabelLayout::id).toList());
            }
        }
    }

    /** 60 pages at 300 dpi, all formats, levels 0-3, traps, catalogue layouts. */
    public static GeneratorSettings defaults(long seed) {
        return new GeneratorSettings(seed, 60, 300, 300, 3, EnumSet.allOf(PageFormat.class), 0.85f, true, 0,
                List.of(), 0);
    }

    /** The committed demo batch: 14 small grey JPEG pages at 300 dpi, clean scans (level 0), still skewed and turned. */
    public static GeneratorSettings demo(long seed) {
        return new GeneratorSettings(seed, 14, 300, 60, 0, EnumSet.of(PageFormat.JPG), 0.75f, true, 0, List.of(), 0);
    }

    public GeneratorSettings withPages(int n) {
        return new GeneratorSettings(seed, n, dpi, patients, maxLevel, formats, jpegQuality, traps, randomLayouts, layoutIds, faintShare);
    }

    public GeneratorSettings withDpi(int d) {
        return new GeneratorSettings(seed, pages, d, patients, maxLevel, formats, jpegQuality, traps, randomLayouts, layoutIds, faintShare);
    }

    public GeneratorSettings withPatients(int n) {
        return new GeneratorSettings(seed, pages, dpi, n, maxLevel, formats, jpegQuality, traps, randomLayouts, layoutIds, faintShare);
    }

    public GeneratorSettings withMaxLevel(int l) {
        return new GeneratorSettings(seed, pages, dpi, patients, l, formats, jpegQuality, traps, randomLayouts, layoutIds, faintShare);
    }

    public GeneratorSettings withFormats(Set<PageFormat> f) {
        return new GeneratorSettings(seed, pages, dpi, patients, maxLevel, f, jpegQuality, traps, randomLayouts, layoutIds, faintShare);
    }

    public GeneratorSettings withJpegQuality(float q) {
        return new GeneratorSettings(seed, pages, dpi, patients, maxLevel, formats, q, traps, randomLayouts, layoutIds, faintShare);
    }

    public GeneratorSettings withTraps(boolean t) {
        return new GeneratorSettings(seed, pages, dpi, patients, maxLevel, formats, jpegQuality, t, randomLayouts, layoutIds, faintShare);
    }

    public GeneratorSettings withRandomLayouts(int n) {
        return new GeneratorSettings(seed, pages, dpi, patients, maxLevel, formats, jpegQuality, traps, n, layoutIds, faintShare);
    }

    public GeneratorSettings withLayoutIds(List<String> ids) {
        return new GeneratorSettings(seed, pages, dpi, patients, maxLevel, formats, jpegQuality, traps, randomLayouts, ids, faintShare);
    }

    public GeneratorSettings withSeed(long s) {
        return new GeneratorSettings(s, pages, dpi, patients, maxLevel, formats, jpegQuality, traps, randomLayouts, layoutIds, faintShare);
    }

    public GeneratorSettings withFaintShare(double share) {
        return new GeneratorSettings(seed, pages, dpi, patients, maxLevel, formats, jpegQuality, traps, randomLayouts, layoutIds,
                share);
    }
}
