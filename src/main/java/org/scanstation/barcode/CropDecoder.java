package org.scanstation.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.Binarizer;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Reader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.oned.Code128Reader;
import com.google.zxing.oned.Code39Reader;
import com.google.zxing.oned.ITFReader;
import com.google.zxing.oned.OneDReader;
import com.google.zxing.pdf417.PDF417Reader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Rectangle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decodes one candidate crop, trying a few cheap variants (as is, 3x3 median, other binariser,
 * enlarged) and applying the misread guards: Code 39 and ITF, which have no mandatory check digit,
 * must decode to the same text on at least three separate scan lines with hardly any line giving
 * another text, and an ITF read must span most of the bars found (a short ITF read inside a
 * longer symbol is a classic misread). Code 128 (mod 103 check) needs two agreeing lines; the 2D
 * symbologies (Reed-Solomon) are trusted on one read.
 */
final class CropDecoder {

    /** Width that a very large 1D crop is reduced to for one extra attempt. */
    private static final int REDUCED_WIDTH = 700;

    /** ITF lengths we accept (even, label-sized). */
    private static final int[] ITF_LENGTHS = {6, 8, 10, 12, 14, 16, 18};

    /** 1D: the crop is small, 15 scan lines around the middle are enough (and fast). */
    private static final Map<DecodeHintType, Object> HINTS_1D = hints(false);
    private static final Map<DecodeHintType, Object> HINTS_2D = hints(true);

    private static Map<DecodeHintType, Object> hints(boolean tryHarder) {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        if (tryHarder) {
            h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        h.put(DecodeHintType.ALLOWED_LENGTHS, ITF_LENGTHS);
        return h;
    }

    /** A successful decode: text, ZXing format and bounds in page pixels. */
    record Decoded(BarcodeFormat format, String text, Rectangle bounds) {
    }

    private record Attempt(Function<GreyImage, GreyImage> prepare, Function<GreyLuminanceSource, Binarizer> binarizer,
                           double scale) {
    }

    private static final List<Attempt> ATTEMPTS_1D = List.of(
            new Attempt(Function.identity(), HybridBinarizer::new, 1),
            new Attempt(GreyImage::median3, HybridBinarizer::new, 1),
            new Attempt(Function.identity(), GlobalHistogramBinarizer::new, 1),
            new Attempt(GreyImage::median3, GlobalHistogramBinarizer::new, 1));

    /** The local binariser hollows out very large modules; the global one does not: both go first. */
    private static final List<Attempt> ATTEMPTS_2D = List.of(
            new Attempt(Function.identity(), HybridBinarizer::new, 1),
            new Attempt(Function.identity(), GlobalHistogramBinarizer::new, 1),
            new Attempt(GreyImage::median3, HybridBinarizer::new, 1),
            new Attempt(g -> g.upscale(2), HybridBinarizer::new, 2.0));

    private static final List<Supplier<Reader>> ONE_D = List.of(
            Code128Reader::new, Code39Reader::new, ITFReader::new);
    private static final List<Supplier<Reader>> TWO_D = List.of(
            DataMatrixReader::new, QRCodeReader::new, PDF417Reader::new);
    private static final List<Supplier<Reader>> PDF417_ONLY = List.of(PDF417Reader::new);

    /**
     * A deterministic cap on decoding work for one page, in crop pixels times decoders run, so that
     * a page full of barcode-like texture cannot take seconds (the same page always gets the same
     * answer, whatever the machine's load).
     */
    static final class WorkBudget {
        private long remaining;

        WorkBudget(long units) {
            this.remaining = units;
        }

        boolean spend(long units) {
            if (remaining < units) {
                return false;
            }
            remaining -= units;
            return true;
        }
    }

    /** Which variants to try: the cheap one first for every candidate, the rest afterwards. */
    enum Pass { FIRST, REST }

    /** Decodes the candidate (the bounds are padded here), or empty. */
    Optional<Decoded> decode(GreyImage page, CandidateRegion candidate) {
        Optional<Decoded> d = decode(page, candidate, Pass.FIRST, new WorkBudget(Long.MAX_VALUE));
        return d.isPresent() ? d : decode(page, candidate, Pass.REST, new WorkBudget(Long.MAX_VALUE));
    }

    /** Decodes the candidate with the variants of one pass, within the budget. */
    Optional<Decoded> decode(GreyImage page, CandidateRegion candidate, Pass pass, WorkBudget budget) {
        Rectangle r = candidate.bounds();
        boolean bars = candidate.kind() != CandidateRegion.Kind.MATRIX;
        int padAcross;
        int padAlong;
        if (bars) {
            int symbolLen = candidate.kind() == CandidateRegion.Kind.VERTICAL_BARS ? r.width : r.height;
            padAcross = Math.max(24, symbolLen / 6);
            padAlong = 12;
        } else {
            padAcross = Math.max(24, Math.max(r.width, r.height) / 5);
            padAlong = padAcross;
        }
        Rectangle padded = candidate.kind() == CandidateRegion.Kind.HORIZONTAL_BARS
                ? new Rectangle(r.x - padAlong, r.y - padAcross, r.width + 2 * padAlong, r.height + 2 * padAcross)
                : new Rectangle(r.x - padAcross, r.y - padAlong, r.width + 2 * padAcross, r.height + 2 * padAlong);
        padded = padded.intersection(new Rectangle(0, 0, page.width, page.height));
        if (padded.isEmpty()) {
            return Optional.empty();
        }
        if (!budget.spend(cost(padded, candidate.kind(), pass))) {
            return Optional.empty();
        }
        GreyImage crop = page.crop(padded);
        boolean rotated = candidate.kind() == CandidateRegion.Kind.HORIZONTAL_BARS;
        if (rotated) {
            crop = crop.rotate90();
        }
        Optional<Decoded> found = bars ? decodeBars(crop, pass, padded, rotated, r) : decodeMatrix(crop, pass, padded, r);
        if (found.isEmpty() && pass == Pass.REST) {
            // a label stuck on crooked: turn the crop until its bars stand upright
            found = decodeDeskewed(page.crop(padded), r, budget, !bars);
        }
        return found;
    }

    private Optional<Decoded> decodeBars(GreyImage crop, Pass pass, Rectangle padded, boolean rotated, Rectangle r) {
        {
            List<Attempt> oneD = pass == Pass.FIRST ? ATTEMPTS_1D.subList(0, 1) : ATTEMPTS_1D.subList(1, 4);
            if (pass == Pass.REST && crop.width >= 2 * REDUCED_WIDTH) {
                // very large bars (separator sheets): a reduced copy smooths ragged, wavy edges
                int f = crop.width / REDUCED_WIDTH;
                oneD = new java.util.ArrayList<>(oneD);
                oneD.add(new Attempt(g -> g.downscale(f), HybridBinarizer::new, 1.0 / f));
            }
            Optional<Decoded> found = tryAll(crop, oneD, ONE_D, padded, rotated, r);
            // PDF417 looks like bars too (rows of bar patterns)
            List<Attempt> pdf = pass == Pass.FIRST ? ATTEMPTS_1D.subList(0, 1) : ATTEMPTS_1D.subList(1, 3);
            return found.isPresent() ? found : tryAll(crop, pdf, PDF417_ONLY, padded, rotated, r);
        }
    }

    private Optional<Decoded> decodeMatrix(GreyImage crop, Pass pass, Rectangle padded, Rectangle r) {
        List<Attempt> twoD = pass == Pass.FIRST ? ATTEMPTS_2D.subList(0, 2) : ATTEMPTS_2D.subList(2, 4);
        return tryAll(crop, twoD, TWO_D, padded, false, r);
    }

    /** A 2D symbol turned by some angle: square its grid with the page axes and read it again. */
    private Optional<Decoded> decodeTurnedMatrix(GreyImage crop, Rectangle unpadded, WorkBudget budget) {
        double angle = crop.gridAngle();
        if (Math.abs(angle) < MIN_TILT || !budget.spend(6L * crop.width * crop.height)) {
            return Optional.empty();
        }
        GreyImage upright = crop.rotate(-angle, crop.brightest());
        return tryAll(upright, ATTEMPTS_2D.subList(0, 2), TWO_D_SQUARE, unpadded, false, unpadded)
                .map(d -> new Decoded(d.format(), d.text(), new Rectangle(unpadded)));
    }

    private static final List<Supplier<Reader>> TWO_D_SQUARE = List.of(DataMatrixReader::new, QRCodeReader::new);

    /** Minimum tilt worth a rotated attempt; smaller tilts are read as they are. */
    private static final double MIN_TILT = Math.toRadians(4);

    private Optional<Decoded> decodeDeskewed(GreyImage crop, Rectangle unpadded, WorkBudget budget,
                                             boolean matrix) {
        if (matrix) {
            Optional<Decoded> turned2d = decodeTurnedMatrix(crop, unpadded, budget);
            if (turned2d.isPresent()) {
                return turned2d;
            }
        }
        double[] g = crop.dominantGradient();
        double angle = g[0];
        double tilt = Math.min(Math.abs(angle), Math.abs(Math.abs(angle) - Math.PI / 2));
        // turning and reading the turned copy: about three areas of work
        if (g[1] < 0.45 || tilt < MIN_TILT || !budget.spend(3L * crop.width * crop.height)) {
            return Optional.empty();
        }
        // bring the gradient (across the bars) to horizontal: the bars then stand vertical
        GreyImage upright = crop.rotate(-angle, crop.brightest());
        Optional<Decoded> found = tryAll(upright, ATTEMPTS_1D.subList(0, 2), ONE_D, unpadded, false, unpadded);
        if (found.isEmpty()) {
            found = tryAll(upright, ATTEMPTS_1D.subList(0, 1), PDF417_ONLY, unpadded, false, unpadded);
        }
        // positions in the turned crop do not map back simply: report the candidate's box
        return found.map(d -> new Decoded(d.format(), d.text(), new Rectangle(unpadded)));
    }

    /**
     * Rough work of one pass over a crop. 1D readers binarise and scan a few dozen lines, so they
     * cost width x lines; a median filter and the 2D readers work on the whole area.
     */
    private static long cost(Rectangle padded, CandidateRegion.Kind kind, Pass pass) {
        long area = (long) padded.width * padded.height;
        if (kind == CandidateRegion.Kind.MATRIX) {
            // 3 readers; first pass 2 binarisers, then median + 2x enlargement (4 areas)
            return area * 3 * (pass == Pass.FIRST ? 2 : 5);
        }
        int length = kind == CandidateRegion.Kind.VERTICAL_BARS ? padded.width : padded.height;
        int across = kind == CandidateRegion.Kind.VERTICAL_BARS ? padded.height : padded.width;
        long lines = (long) length * Math.min(across, 64) * 4;
        return pass == Pass.FIRST ? lines + area : lines * 4 + area * 3;
    }

    private Optional<Decoded> tryAll(GreyImage crop, List<Attempt> attempts, List<Supplier<Reader>> readers,
                                     Rectangle padded, boolean rotated, Rectangle unpadded) {
        for (Attempt attempt : attempts) {
            GreyImage prepared = attempt.prepare().apply(crop);
            for (Supplier<Reader> readerFactory : readers) {
                Result result = decodeOnce(prepared, attempt, readerFactory.get());
                if (result == null) {
                    continue;
                }
                if (!trustworthy(result, prepared, attempt, readerFactory, rotated, unpadded)) {
                    continue;
                }
                Rectangle bounds = bounds(result, attempt.scale(), crop, padded, rotated, unpadded);
                return Optional.of(new Decoded(result.getBarcodeFormat(), textOf(result), bounds));
            }
        }
        return Optional.empty();
    }

    private static Result decodeOnce(GreyImage img, Attempt attempt, Reader reader) {
        try {
            BinaryBitmap bitmap = new BinaryBitmap(attempt.binarizer().apply(new GreyLuminanceSource(img)));
            boolean oneD = !(reader instanceof DataMatrixReader || reader instanceof QRCodeReader
                    || reader instanceof PDF417Reader);
            return reader.decode(bitmap, oneD ? HINTS_1D : HINTS_2D);
        } catch (ReaderException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Weak symbologies must read the same from both halves of the bars. */
    private static boolean trustworthy(Result result, GreyImage img, Attempt attempt, Supplier<Reader> factory,
                                       boolean rotated, Rectangle unpadded) {
        BarcodeFormat f = result.getBarcodeFormat();
        boolean weak = f == BarcodeFormat.CODE_39 || f == BarcodeFormat.ITF;
        if (!weak && f != BarcodeFormat.CODE_128) {
            return true; // 2D symbologies: Reed-Solomon error correction
        }
        String text = result.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        // Code 128 has a check character, but one noisy line can still pass it: a second line must agree
        if (!rowsAgree(text, img, attempt, factory, weak ? 3 : 2)) {
            return false;
        }
        if (f == BarcodeFormat.ITF) {
            float span = spanX(result);
            double barsWidth = (rotated ? unpadded.height : unpadded.width) * attempt.scale();
            return span >= 0.6f * barsWidth;
        }
        return true;
    }

    /**
     * Decodes scan lines across the whole crop one by one: the text must come out of at least
     * {@code minSame} lines spread over the bars, and other texts (partial or wrong reads) must be rare.
     */
    private static boolean rowsAgree(String text, GreyImage img, Attempt attempt, Supplier<Reader> factory,
                                     int minSame) {
        BinaryBitmap bitmap = new BinaryBitmap(attempt.binarizer().apply(new GreyLuminanceSource(img)));
        Reader reader = factory.get();
        if (!(reader instanceof OneDReader oneD)) {
            return false;
        }
        int h = img.height;
        int step = Math.max(1, h / 80);
        int same = 0;
        int other = 0;
        int firstY = -1;
        int lastY = -1;
        BitArray row = null;
        for (int y = 0; y < h; y += step) {
            try {
                row = bitmap.getBlackRow(y, row);
            } catch (NotFoundException e) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                if (pass == 1) {
                    row.reverse();
                }
                try {
                    Result r = oneD.decodeRow(y, row, HINTS_1D);
                    if (text.equals(r.getText())) {
                        same++;
                        firstY = firstY < 0 ? y : firstY;
                        lastY = y;
                    } else {
                        other++;
                    }
                    break;
                } catch (ReaderException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    // this line does not decode
                }
            }
        }
        return same >= minSame && other * 3 <= same && lastY - firstY >= Math.min(8, h / 4);
    }

    private static float spanX(Result r) {
        ResultPoint[] pts = r.getResultPoints();
        if (pts == null || pts.length < 2) {
            return 0;
        }
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (ResultPoint p : pts) {
            if (p != null) {
                lo = Math.min(lo, p.getX());
                hi = Math.max(hi, p.getX());
            }
        }
        return hi - lo;
    }

    /**
     * GS1 symbols (FNC1 in first position) are returned with a leading GS character (0x1D) standing
     * for that FNC1, so that the payload parser can recognise element strings.
     */
    private static String textOf(Result result) {
        String text = result.getText();
        Map<ResultMetadataType, Object> meta = result.getResultMetadata();
        Object sid = meta == null ? null : meta.get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        if (sid instanceof String s && (s.equals("]C1") || s.equals("]d2") || s.equals("]Q3") || s.equals("]e0"))
                && !text.startsWith("\u001d")) {
            return "\u001d" + text;
        }
        return text;
    }

    private static Rectangle bounds(Result result, double scale, GreyImage crop, Rectangle padded, boolean rotated,
                                    Rectangle unpadded) {
        ResultPoint[] pts = result.getResultPoints();
        if (pts == null || pts.length < 2) {
            return new Rectangle(unpadded);
        }
        boolean oneD = pts.length == 2;
        float lo0 = Float.MAX_VALUE;
        float lo1 = Float.MAX_VALUE;
        float hi0 = -Float.MAX_VALUE;
        float hi1 = -Float.MAX_VALUE;
        for (ResultPoint p : pts) {
            if (p == null) {
                continue;
            }
            float x = (float) (p.getX() / scale);
            float y = (float) (p.getY() / scale);
            float px;
            float py;
            if (rotated) {
                // crop was turned clockwise: (x', y') -> (y', H - 1 - x') in the unrotated crop
                px = y;
                py = crop.width - 1 - x;
            } else {
                px = x;
                py = y;
            }
            lo0 = Math.min(lo0, px);
            hi0 = Math.max(hi0, px);
            lo1 = Math.min(lo1, py);
            hi1 = Math.max(hi1, py);
        }
        Rectangle r = new Rectangle(padded.x + (int) lo0, padded.y + (int) lo1,
                Math.max(1, (int) (hi0 - lo0)), Math.max(1, (int) (hi1 - lo1)));
        if (oneD) {
            // a 1D read gives the ends of one scan line: keep its extent along the line, take the
            // bar length from the candidate
            r = rotated ? new Rectangle(unpadded.x, r.y, unpadded.width, r.height)
                    : new Rectangle(r.x, unpadded.y, r.width, unpadded.height);
        }
        return r.intersects(padded) ? r : new Rectangle(unpadded);
    }
}
