package org.scanstation.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import org.scanstation.image.ImageOps;

/**
 * Prepares a page for full-page OCR (the PDF keeps the original image). Tesseract binarises with Otsu's
 * threshold, which fails on two kinds of scan: light print on grey, noisy paper (it splits the
 * paper's noise instead of separating the print, and reads nothing), and plain noisy paper such as a
 * blank back of a sheet (it turns the noise into specks and spends seconds finding no text). Both show
 * as Otsu's two classes differing little in brightness. Only such pages are binarised here, relative
 * to the paper: the paper level is the median grey, its noise the median absolute deviation around it;
 * ink is what is darker than the paper by more than its noise explains, cut halfway between paper and
 * the darkest ink. Other pages go to Tesseract unchanged.
 */
public final class OcrBinarizer {

    /** Ink must be darker than the paper by this many noise standard deviations. */
    static final double NOISE_SIGMAS = 5.0;
    /** ... and by at least this many grey levels. */
    static final int MIN_GAP = 24;
    /** Share of (sampled) pixels taken as the darkest ink level. */
    static final double INK_PERCENTILE = 0.002;

    private OcrBinarizer() {
    }

    /** Below this brightness gap (0..255) between Otsu's dark and light classes, Otsu is not trusted. */
    static final int MIN_OTSU_CONTRAST = 48;
    /** Otsu's threshold must lie this many noise standard deviations below the paper, or it cuts into the paper. */
    static final double PAPER_NOISE_SIGMAS = 3.0;

    /**
     * The image Tesseract should see: {@code page} itself, or a black-and-white copy when Otsu's threshold would
     * fail: when its two classes differ little in brightness, or when it falls within the paper's own noise (as
     * on grey paper whose page also holds white, such as the corners a straightened scan gains, and little or
     * faint print: Otsu then splits white from paper and the paper becomes ink).
     */
    public static BufferedImage prepare(BufferedImage page) {
        if (page.getColorModel().getPixelSize() == 1) {
            return page;
        }
        BufferedImage grey = ImageOps.toGrey(page);
        long[] h = histogram(grey);
        return otsuContrast(h) >= MIN_OTSU_CONTRAST && !otsuCutsIntoPaper(h) ? page : binarize(grey);
    }

    /** True when Otsu's threshold is no darker than the paper level less {@link #PAPER_NOISE_SIGMAS} of its noise. */
    static boolean otsuCutsIntoPaper(long[] histogram) {
        long total = 0;
        for (long c : histogram) {
            total += c;
        }
        int paper = percentile(histogram, total, 0.5);
        long[] deviation = new long[256];
        for (int v = 0; v < 256; v++) {
            deviation[Math.abs(v - paper)] += histogram[v];
        }
        double sigma = Math.max(1.0, 1.4826 * percentile(deviation, total, 0.5));
        return otsuThreshold(histogram) >= paper - PAPER_NOISE_SIGMAS * sigma;
    }

    /** Otsu's threshold: grey levels up to it form the dark class. */
    static int otsuThreshold(long[] histogram) {
        return (int) otsu(histogram)[0];
    }

    /** The brightness gap between the dark and light classes Otsu's threshold would make. */
    static double otsuContrast(long[] histogram) {
        return otsu(histogram)[1];
    }

    /** {threshold, gap between the class means} of Otsu's split. */
    private static double[] otsu(long[] histogram) {
        long total = 0;
        double sum = 0;
        for (int v = 0; v < 256; v++) {
            total += histogram[v];
            sum += (double) v * histogram[v];
        }
        long darkCount = 0;
        double darkSum = 0;
        double best = -1;
        double gap = 0;
        int threshold = 0;
        for (int t = 0; t < 255; t++) {
            darkCount += histogram[t];
            darkSum += (double) t * histogram[t];
            long lightCount = total - darkCount;
            if (darkCount == 0 || lightCount == 0) {
                continue;
            }
            double darkMean = darkSum / darkCount;
            double lightMean = (sum - darkSum) / lightCount;
            double between = (double) darkCount * lightCount * (lightMean - darkMean) * (lightMean - darkMean);
            if (between > best) {
                best = between;
                gap = lightMean - darkMean;
                threshold = t;
            }
        }
        return new double[] {threshold, gap};
    }

    /** The paper's grey level: the median of the page. */
    static int paperLevel(BufferedImage grey) {
        long[] h = histogram(ImageOps.toGrey(grey));
        long total = 0;
        for (long c : h) {
            total += c;
        }
        return percentile(h, total, 0.5);
    }

    /** The grey threshold (pixels below it are ink) for this page. */
    static int threshold(BufferedImage grey) {
        long[] h = histogram(ImageOps.toGrey(grey));
        long total = 0;
        for (long c : h) {
            total += c;
        }
        int paper = percentile(h, total, 0.5);
        long[] deviation = new long[256];
        for (int v = 0; v < 256; v++) {
            deviation[Math.abs(v - paper)] += h[v];
        }
        int mad = percentile(deviation, total, 0.5);
        double sigma = Math.max(1.0, 1.4826 * mad);
        int ink = percentile(h, total, INK_PERCENTILE);
        double noiseCut = paper - Math.max(NOISE_SIGMAS * sigma, MIN_GAP);
        double midway = (paper + ink) / 2.0;
        return (int) Math.round(Math.min(noiseCut, midway));
    }

    /** A black-and-white copy (8-bit grey, 0 or 255) of {@code image} for OCR. */
    static BufferedImage binarize(BufferedImage image) {
        BufferedImage grey = ImageOps.toGrey(image);
        int t = threshold(grey);
        int w = grey.getWidth();
        int height = grey.getHeight();
        BufferedImage out = new BufferedImage(w, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < height; y++) {
            grey.getRaster().getSamples(0, y, w, 1, 0, row);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                dst[base + x] = row[x] < t ? 0 : (byte) 255;
            }
        }
        return out;
    }

    private static int percentile(long[] h, long total, double p) {
        long target = (long) Math.ceil(total * p);
        long seen = 0;
        for (int v = 0; v < h.length; v++) {
            seen += h[v];
            if (seen >= target && seen > 0) {
                return v;
            }
        }
        return h.length - 1;
    }

    /** Grey-level histogram of every second pixel of every second row. */
    static long[] histogram(BufferedImage grey) {
        long[] h = new long[256];
        int w = grey.getWidth();
        int height = grey.getHeight();
        if (grey.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && grey.getSampleModel() instanceof ComponentSampleModel sm
                && grey.getRaster().getSampleModelTranslateX() == 0 && grey.getRaster().getSampleModelTranslateY() == 0) {
            byte[] px = buffer.getData();
            int stride = sm.getScanlineStride();
            for (int y = 0; y < height; y += 2) {
                int rowStart = y * stride;
                for (int x = 0; x < w; x += 2) {
                    h[px[rowStart + x] & 0xff]++;
                }
            }
            return h;
        }
        int[] row = new int[w];
        for (int y = 0; y < height; y += 2) {
            grey.getRaster().getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x += 2) {
                h[row[x]]++;
            }
        }
        return h;
    }
}
