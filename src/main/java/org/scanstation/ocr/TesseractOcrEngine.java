package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import com.sun.jna.Pointer;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * OCR with Tesseract through Tess4J's native API (grey pixels passed straight to the engine, no
 * image encoding on the way). A native handle is not thread-safe, so each thread gets its own,
 * created on first use and kept for reuse until {@link #close()}. Set {@code OMP_THREAD_LIMIT=1} in the
 * process environment: several single-threaded engines beat one multi-threaded one on 2 cores.
 */
public final class TesseractOcrEngine implements OcrEngine {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    /** Tesseract's page segmentation modes used by the station. */
    public enum Layout {
        /** A whole page with columns and blocks (psm 3). */
        PAGE(3),
        /** A single uniform block of text, such as a patient label (psm 6). */
        BLOCK(6),
        /** A single line of text, such as one field of a label (psm 7). */
        LINE(7),
        /** Sparse text anywhere, in no particular order (psm 11). */
        SPARSE(11);

        final int psm;

        Layout(int psm) {
            this.psm = psm;
        }
    }

    private final Path tessdata;
    private final String language;
    private final Layout layout;
    private final Map<String, String> variables;
    private final String whitelist;
    private final ThreadLocal<TessBaseAPI> perThread;
    private final ConcurrentLinkedQueue<TessBaseAPI> all = new ConcurrentLinkedQueue<>();
    /** Native handles created and not yet deleted, over every engine of the process. */
    private static final java.util.concurrent.atomic.AtomicInteger LIVE_HANDLES =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    public TesseractOcrEngine(Path tessdata, String language, Layout layout) {
        this(tessdata, language, layout, null, Map.of());
    }

    /** @param variables Tesseract parameters set on each native engine after it is loaded (name to value) */
    public TesseractOcrEngine(Path tessdata, String language, Layout layout, Map<String, String> variables) {
        this(tessdata, language, layout, null, variables);
    }

    /** @param whitelist the only characters the engine may read (e.g. digits for a number field); null for any */
    public TesseractOcrEngine(Path tessdata, String language, Layout layout, String whitelist) {
        this(tessdata, language, layout, whitelist, Map.of());
    }

    private TesseractOcrEngine(Path tessdata, String language, Layout layout, String whitelist,
                               Map<String, String> variables) {
        this.tessdata = tessdata;
        this.language = language;
        this.layout = layout;
        this.whitelist = whitelist;
        this.variables = Map.copyOf(variables);
        this.perThread = new ThreadLocal<>();
    }

    /** English, language data found where Debian or the installer puts it. */
    public static TesseractOcrEngine createDefault(Layout layout) throws OcrException {
        Path data = TessdataLocator.find("eng").orElseThrow(() -> new OcrException(
                "Tesseract language data (eng.traineddata) not found; install tesseract-ocr-eng or set TESSDATA_PREFIX"));
        return new TesseractOcrEngine(data, "eng", layout);
    }

    public Path tessdata() {
        return tessdata;
    }

    /** Tess4J's interface mapping binds each native function on first call (Debian's libtesseract lacks some). */
    private static TessAPI api() {
        return TessAPI.INSTANCE;
    }

    private TessBaseAPI handle() throws OcrException {
        if (closed) {
            throw new OcrException("OCR engine closed");
        }
        TessBaseAPI h = perThread.get();
        if (h != null) {
            return h;
        }
        // Leptonica's messages (e.g. a box outside the page in Tesseract's picture search) to the log, not the console
        LeptonicaMessages.install();
        try {
            h = api().TessBaseAPICreate();
            int rc = api().TessBaseAPIInit2(h, tessdata.toString(), language, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY);
            if (rc != 0) {
                api().TessBaseAPIDelete(h);
                throw new OcrException("Tesseract could not load language '" + language + "' from " + tessdata);
            }
            api().TessBaseAPISetPageSegMode(h, layout.psm);
            api().TessBaseAPISetVariable(h, "debug_file", "/dev/null");
            for (Map.Entry<String, String> v : variables.entrySet()) {
                if (api().TessBaseAPISetVariable(h, v.getKey(), v.getValue()) != ITessAPI.TRUE) {
                    api().TessBaseAPIEnd(h);
                    api().TessBaseAPIDelete(h);
                    throw new OcrException("Tesseract has no parameter '" + v.getKey() + "'");
                }
            }
            if (whitelist != null) {
                api().TessBaseAPISetVariable(h, "tessedit_char_whitelist", whitelist);
            }
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new OcrException("the Tesseract library is not installed (libtesseract): " + e.getMessage(), e);
        }
        perThread.set(h);
        all.add(h);
        LIVE_HANDLES.incrementAndGet();
        return h;
    }

    @Override
    public OcrText recognise(BufferedImage image, Rectangle region) throws OcrException {
        Rectangle r = new Rectangle(0, 0, image.getWidth(), image.getHeight());
        if (region != null) {
            r = region.intersection(r);
            if (r.isEmpty()) {
                return OcrText.empty();
            }
        }
        TessBaseAPI h = handle();
        ByteBuffer pixels = greyBytes(image, r);
        try {
            api().TessBaseAPISetImage(h, pixels, r.width, r.height, 1, r.width);
            api().TessBaseAPISetSourceResolution(h, 300);
            if (api().TessBaseAPIRecognize(h, null) != 0) {
                throw new OcrException("Tesseract could not recognise the image");
            }
            List<OcrWord> words = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            TessResultIterator ri = api().TessBaseAPIGetIterator(h);
            if (ri != null) {
                try {
                    TessPageIterator pi = api().TessResultIteratorGetPageIterator(ri);
                    IntBuffer left = IntBuffer.allocate(1);
                    IntBuffer top = IntBuffer.allocate(1);
                    IntBuffer right = IntBuffer.allocate(1);
                    IntBuffer bottom = IntBuffer.allocate(1);
                    int level = TessPageIteratorLevel.RIL_WORD;
                    do {
                        Pointer p = api().TessResultIteratorGetUTF8Text(ri, level);
                        if (p == null) {
                            continue;
                        }
                        String s = p.getString(0).strip();
                        api().TessDeleteText(p);
                        if (s.isEmpty()) {
                            continue;
                        }
                        float conf = api().TessResultIteratorConfidence(ri, level);
                        api().TessPageIteratorBoundingBox(pi, level, left, top, right, bottom);
                        Rectangle box = new Rectangle(left.get(0) + r.x, top.get(0) + r.y,
                                right.get(0) - left.get(0), bottom.get(0) - top.get(0));
                        boolean lineStart = !words.isEmpty()
                                && api().TessPageIteratorIsAtBeginningOf(pi, TessPageIteratorLevel.RIL_TEXTLINE) == ITessAPI.TRUE;
                        if (lineStart) {
                            text.append('\n');
                        } else if (!words.isEmpty()) {
                            text.append(' ');
                        }
                        text.append(s);
                        words.add(new OcrWord(s, conf, box));
                    } while (api().TessPageIteratorNext(pi, level) == ITessAPI.TRUE);
                } finally {
                    api().TessResultIteratorDelete(ri);
                }
            }
            if (!words.isEmpty()) {
                text.append('\n');
            }
            double sum = 0;
            for (OcrWord w : words) {
                sum += w.confidence();
            }
            float mean = words.isEmpty() ? 0f : (float) (sum / words.size());
            return new OcrText(text.toString(), List.copyOf(words), mean);
        } catch (RuntimeException | Error e) {
            throw new OcrException("Tesseract failed: " + e.getMessage(), e);
        } finally {
            api().TessBaseAPIClear(h);
        }
    }

    /**
     * Each thread's native pixel buffer, kept from one image to the next: Tesseract copies the pixels it is given,
     * and a new direct buffer per image (zeroed, then filled) cost more than a second of a 200-dpi batch's CPU.
     * Grown in whole mebibytes to the largest image the thread has read (a page: a few MB).
     */
    private static final ThreadLocal<ByteBuffer[]> PIXEL_BUFFER = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

    private static ByteBuffer pixelBuffer(int size) {
        ByteBuffer[] held = PIXEL_BUFFER.get();
        if (held[0] == null || held[0].capacity() < size) {
            int mib = 1 << 20;
            held[0] = ByteBuffer.allocateDirect((int) Math.min(Integer.MAX_VALUE, ((long) size + mib - 1) / mib * mib));
        }
        ByteBuffer buf = held[0];
        buf.clear();
        return buf;
    }

    /** 8-bit grey pixels of a region, row by row, in this thread's direct buffer for the native call. */
    static ByteBuffer greyBytes(BufferedImage image, Rectangle r) {
        ByteBuffer buf = pixelBuffer(r.width * r.height);
        var raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && raster.getDataBuffer() instanceof java.awt.image.DataBufferByte bytes
                && raster.getSampleModel() instanceof java.awt.image.ComponentSampleModel sm && sm.getPixelStride() == 1
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            // the image's own rows copied as they are
            byte[] data = bytes.getData();
            int stride = sm.getScanlineStride();
            for (int y = 0; y < r.height; y++) {
                buf.put(data, bytes.getOffset() + (r.y + y) * stride + r.x, r.width);
            }
        } else if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] row = new byte[r.width];
            int[] px = new int[r.width];
            for (int y = 0; y < r.height; y++) {
                raster.getSamples(r.x, r.y + y, r.width, 1, 0, px);
                for (int x = 0; x < r.width; x++) {
                    row[x] = (byte) px[x];
                }
                buf.put(row);
            }
        } else {
            int[] rgb = new int[r.width];
            byte[] row = new byte[r.width];
            for (int y = 0; y < r.height; y++) {
                image.getRGB(r.x, r.y + y, r.width, 1, rgb, 0, r.width);
                for (int x = 0; x < r.width; x++) {
                    int c = rgb[x];
                    int lum = (((c >> 16) & 0xff) * 299 + ((c >> 8) & 0xff) * 587 + (c & 0xff) * 114) / 1000;
                    row[x] = (byte) lum;
                }
                buf.put(row);
            }
        }
        buf.flip();
        return buf;
    }

    /** Releases every thread's native engine. */
    @Override
    public void close() {
        closed = true;
        TessBaseAPI h;
        while ((h = all.poll()) != null) {
            api().TessBaseAPIEnd(h);
            api().TessBaseAPIDelete(h);
            LIVE_HANDLES.decrementAndGet();
        }
    }

    /** Native Tesseract handles alive in this process, over every engine (each costs tens of MB). */
    public static int liveHandles() {
        return LIVE_HANDLES.get();
    }
}
