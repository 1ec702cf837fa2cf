package org.scanstation.image;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageReader;
import org.scanstation.model.PageId;

/**
 * A one-image file: JPEG (grey, colour, CMYK and YCCK), PNG (grey and colour of any depth, palette,
 * transparency), BMP, GIF, PNM, JPEG 2000. A GIF holding more images than one (an animation) gives its
 * first as the page, with a problem saying so, so that a person checks the original.
 */
final class RasterPageFile implements PageFile {

    private final DeadlineImageInputStream in;
    private final ImageReader reader;
    private final ImageIoPageDecoder decoder;
    private final String what;

    private RasterPageFile(DeadlineImageInputStream in, ImageReader reader, String what) {
        this.in = in;
        this.reader = reader;
        this.what = what;
        this.decoder = new ImageIoPageDecoder(reader, what);
    }

    /** @param format an Image I/O format name: jpeg, png, bmp, gif, pnm, jpeg2000 */
    static RasterPageFile open(Path file, String format, String what) throws IOException {
        ImageReader reader = ImageIoPageDecoder.readerFor(format);
        if (reader == null) {
            throw new UnreadableFileException("no " + what + " decoder available");
        }
        DeadlineImageInputStream in;
        try {
            in = new DeadlineImageInputStream(file.toFile());
        } catch (IOException e) {
            reader.dispose();
            throw e;
        }
        reader.setInput(in, false, false);
        return new RasterPageFile(in, reader, what);
    }

    @Override
    public int pageCount() {
        return 1;
    }

    @Override
    public PageLoadResult read(int index, PageId id, PageDeadline deadline) throws Exception {
        in.deadline(deadline);
        PageLoadResult page = decoder.decode(0, id);
        if (page instanceof PageLoadResult.Loaded loaded && what.equals("GIF")) {
            int images = reader.getNumImages(true);
            if (images > 1) {
                ScannedPage p = loaded.page();
                return new PageLoadResult.Loaded(p.withRenderProblems(java.util.List.of("the GIF file holds " + images
                        + " images (an animation?): only the first is read as the page; check the original")));
            }
        }
        return page;
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        in.close();
    }
}
