package org.scanstation.image;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * The Image I/O plug-ins the station reads with, set up once per process. The JPEG 2000 reader
 * (jai-imageio-jpeg2000, for JPX in PDFs and .jp2 files) needs jai-imageio-core, whose own TIFF,
 * BMP, WBMP and other readers and writers would otherwise compete with the JDK's: they are
 * deregistered, except its PNM reader (the JDK has none; {@code scanimage} writes PNM by default).
 * The JBIG2 reader (PDFBox's jbig2-imageio) registers itself. Image I/O's disk cache is turned off:
 * it would write decoded page data to plaintext temporary files.
 */
public final class ImageIoPlugins {

    private static final String JAI_CORE = "com.github.jaiimageio.impl.";
    private static final String KEPT = "com.github.jaiimageio.impl.plugins.pnm.PNMImageReaderSpi";
    private static boolean installed;

    private ImageIoPlugins() {
    }

    /** Idempotent and cheap after the first call. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        NoPlaintextTempFiles.apply();
        IIORegistry registry = IIORegistry.getDefaultInstance();
        registry.registerApplicationClasspathSpis();
        dropJaiCore(registry, ImageReaderSpi.class);
        dropJaiCore(registry, ImageWriterSpi.class);
        installed = true;
    }

    private static <T> void dropJaiCore(IIORegistry registry, Class<T> category) {
        List<T> drop = new ArrayList<>();
        Iterator<T> it = registry.getServiceProviders(category, false);
        while (it.hasNext()) {
            T spi = it.next();
            String name = spi.getClass().getName();
            if (name.startsWith(JAI_CORE) && !name.equals(KEPT)) {
                drop.add(spi);
            }
        }
        for (T spi : drop) {
            registry.deregisterServiceProvider(spi, category);
        }
    }
}
