package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the TIFF pages the JDK's reader refuses: 16-bit samples compressed with LZW or Deflate and
 * the horizontal-differencing predictor, as libtiff (ImageMagick, GIMP, scanning software) writes 16-bit
 * grey and colour by default. Strips only, chunky samples, grey (either way round) or RGB; the page
 * comes out 8-bit, the top byte of each sample, read smaller when over the working size.
 */
final class TiffPredictorDecoder {

    private static final int LZW = 5;
    private static final int DEFLATE = 8;
    private static final int OLD_DEFLATE = 32946;

    private TiffPredictorDecoder() {
    }

    /** True for a page only this decoder reads. */
    static boolean handles(TiffPageChain.Entry.Page page) {
        long compression = page.tag(259, 1);
        return page.tag(258, 8) == 16 && page.tag(317, 1) == 2 && page.tag(284, 1) == 1
                && (compression == LZW || compression == DEFLATE || compression == OLD_DEFLATE)
                && page.tags().containsKey(273) && page.tags().containsKey(279) && !page.tags().containsKey(322);
    }

    static BufferedImage decode(Path file, boolean little, TiffPageChain.Entry.Page page, PageDeadline deadline)
            throws IOException {
        int w = (int) page.tag(256, 0);
        int h = (int) page.tag(257, 0);
        int spp = (int) page.tag(277, 1);
        int photometric = (int) page.tag(262, 1);
        int rowsPerStrip = (int) Math.min(h, page.tag(278, h));
        if (w <= 0 || h <= 0 || spp < 1 || spp > 4 || rowsPerStrip <= 0) {
            throw new IOException("unsupported 16-bit TIFF layout");
        }
        int factor = PixelBudget.reduction(w, h);
        boolean rgb = spp >= 3 && photometric == 2;
        int ow = w / factor;
        int oh = h / factor;
        BufferedImage out = new BufferedImage(Math.max(1, ow), Math.max(1, oh),
                rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        long[] offsets = page.tags().get(273);
        long[] counts = page.tags().get(279);
        int rowBytes = w * spp * 2;
        int[] line = new int[w * spp];
        int[] outRow = new int[Math.max(1, ow)];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            for (int s = 0; s < offsets.length && s * rowsPerStrip < h; s++) {
                deadline.check();
                byte[] packed = new byte[(int) counts[s]];
                raf.seek(offsets[s]);
                raf.readFully(packed);
                int rows = Math.min(rowsPerStrip, h - s * rowsPerStrip);
                byte[] raw = page.tag(259, 1) == LZW ? lzw(packed, rows * rowBytes) : inflate(packed, rows * rowBytes);
                for (int r = 0; r < rows; r++) {
                    int y = s * rowsPerStrip + r;
                    if (y % factor != 0 || y / factor >= oh) {
                        continue;
                    }
                    for (int i = 0; i < line.length; i++) {
                        int at = r * rowBytes + 2 * i;
                        int v = at + 1 < raw.length ? (little ? (raw[at] & 0xff) | (raw[at + 1] & 0xff) << 8
                                : (raw[at] & 0xff) << 8 | (raw[at + 1] & 0xff)) : 0;
                        line[i] = i >= spp ? (v + line[i - spp]) & 0xffff : v;
                    }
                    for (int x = 0; x < ow; x++) {
                        int p = x * factor * spp;
                        if (rgb) {
                            outRow[x] = (line[p] >> 8) << 16 | (line[p + 1] >> 8) << 8 | (line[p + 2] >> 8);
                        } else {
                            int g = line[p] >> 8;
                            outRow[x] = photometric == 0 ? 255 - g : g;
                        }
                    }
                    if (rgb) {
                        out.setRGB(0, y / factor, ow, 1, outRow, 0, ow);
                    } else {
                        out.getRaster().setSamples(0, y / factor, ow, 1, 0, outRow);
                    }
                }
            }
        }
        return out;
    }

    private static byte[] inflate(byte[] packed, int expected) throws IOException {
        Inflater inflater = new Inflater();
        inflater.setInput(packed);
        byte[] out = new byte[expected];
        try {
            int n = 0;
            while (n < expected && !inflater.finished()) {
                int k = inflater.inflate(out, n, expected - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException("damaged Deflate data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** TIFF's LZW (most significant bit first, code width grows one code early). */
    static byte[] lzw(byte[] in, int expected) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expected);
        int[] prefix = new int[4096];
        byte[] suffix = new byte[4096];
        int[] length = new int[4096];
        for (int i = 0; i < 256; i++) {
            prefix[i] = -1;
            suffix[i] = (byte) i;
            length[i] = 1;
        }
        byte[] scratch = new byte[4096];
        int next = 258;
        int width = 9;
        int old = -1;
        long bits = 0;
        int nbits = 0;
        int pos = 0;
        while (out.size() < expected) {
            while (nbits < width && pos < in.length) {
                bits = (bits << 8) | (in[pos++] & 0xff);
                nbits += 8;
            }
            if (nbits < width) {
                break;
            }
            int code = (int) ((bits >> (nbits - width)) & ((1 << width) - 1));
            nbits -= width;
            if (code == 257) {
                break;
            }
            if (code == 256) {
                next = 258;
                width = 9;
                old = -1;
                continue;
            }
            int first;
            if (old == -1) {
                if (code > 255) {
                    throw new IOException("damaged LZW data");
                }
                out.write(code);
                old = code;
                continue;
            }
            if (code < next) {
                first = write(out, code, prefix, suffix, length, scratch);
            } else if (code == next) {
                first = write(out, old, prefix, suffix, length, scratch);
                out.write(first);
            } else {
                throw new IOException("damaged LZW data");
            }
            if (next < 4096) {
                prefix[next] = old;
                suffix[next] = (byte) first;
                length[next] = length[old] + 1;
                next++;
            }
            if (next + 1 >= (1 << width) && width < 12) {
                width++;
            }
            old = code;
        }
        return out.toByteArray();
    }

    /** Writes the string of {@code code}; returns its first byte. */
    private static int write(ByteArrayOutputStream out, int code, int[] prefix, byte[] suffix, int[] length, byte[] scratch) {
        int n = length[code];
        int c = code;
        for (int i = n - 1; i >= 0; i--) {
            scratch[i] = suffix[c];
            c = prefix[c];
        }
        out.write(scratch, 0, n);
        return scratch[0] & 0xff;
    }
}
