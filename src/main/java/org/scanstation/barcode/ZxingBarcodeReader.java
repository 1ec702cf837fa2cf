package org.scanstation.barcode;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads every barcode on a scanned page: Code 128, Code 39, Interleaved 2 of 5, DataMatrix, QR and
 * PDF417 via ZXing, plus Kodak patch code T sheets (format {@code PATCH_T}, text {@code PATCHT}).
 *
 * <p>Rather than running a whole-page reader (slow, and blind to DataMatrix), it looks for
 * barcode-like textures (see {@link CandidateRegionFinder}) and decodes small crops in any of the
 * four orientations. Code 39 and ITF, which carry no mandatory check digit, are only reported when
 * two independent reads agree; nothing is better than a wrong value.
 *
 * <p>Texts are as encoded, except that a GS1 symbol (FNC1 first) starts with a GS character
 * ({@code \u001d}) standing for that FNC1; {@link BarcodePayload} understands it. The same format
 * and text found twice on a page is reported once. Bounds are in the coordinates of the image
 * passed in. Thread-safe: it holds no mutable state.
 */
public final class ZxingBarcodeReader implements BarcodeReader {

    /** Crop pixels x decoders per page: about 150 ms of decoding on one core. */
    private static final long WORK_BUDGET = 30_000_000L;

    private static final int MIN_SIDE = 48;

    private final CandidateRegionFinder finder = new CandidateRegionFinder();
    private final CropDecoder decoder = new CropDecoder();
    private final PatchCodeDetector patchDetector = new PatchCodeDetector();

    @Override
    public List<Barcode> read(BufferedImage page) {
        Objects.requireNonNull(page, "page image");
        if (Math.min(page.getWidth(), page.getHeight()) < MIN_SIDE) {
            return List.of(); // too small to hold a readable symbol
        }
        GreyImage grey = GreyImage.of(page);
        List<Barcode> found = new ArrayList<>();
        List<Rectangle> covered = new ArrayList<>();
        List<CandidateRegion> candidates = finder.find(grey);
        List<CandidateRegion> unresolved = new ArrayList<>();
        CropDecoder.WorkBudget budget = new CropDecoder.WorkBudget(WORK_BUDGET);
        // cheap variant for every candidate first, then harder variants while the budget lasts
        for (CropDecoder.Pass pass : CropDecoder.Pass.values()) {
            List<CandidateRegion> todo = new ArrayList<>(pass == CropDecoder.Pass.FIRST ? candidates : unresolved);
            if (pass == CropDecoder.Pass.REST) {
                // smallest first: the budget then covers as many candidates as possible
                todo.sort(Comparator.comparingLong(c -> (long) c.bounds().width * c.bounds().height));
            }
            unresolved.clear();
            for (CandidateRegion candidate : todo) {
                if (insideFound(candidate.bounds(), covered)) {
                    continue;
                }
                Optional<CropDecoder.Decoded> d = decoder.decode(grey, candidate, pass, budget);
                if (d.isPresent()) {
                    CropDecoder.Decoded decoded = d.get();
                    covered.add(decoded.bounds());
                    add(found, new Barcode(decoded.format().name(), decoded.text(), decoded.bounds()));
                } else {
                    unresolved.add(candidate);
                }
            }
        }
        patchDetector.detect(grey).ifPresent(r -> add(found, new Barcode(PatchCodeDetector.FORMAT,
                PatchCodeDetector.TEXT, r)));
        return List.copyOf(found);
    }

    /** A candidate mostly inside a region already decoded is the same symbol seen by another mask. */
    private static boolean insideFound(Rectangle r, List<Rectangle> covered) {
        for (Rectangle c : covered) {
            Rectangle i = c.intersection(r);
            if (!i.isEmpty() && (double) i.width * i.height >= 0.6 * r.width * r.height) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Barcode> found, Barcode b) {
        for (Barcode existing : found) {
            if (existing.format().equals(b.format()) && existing.text().equals(b.text())) {
                return;
            }
        }
        found.add(b);
    }
}
