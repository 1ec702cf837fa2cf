package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.scanstation.model.PageId;

/**
 * A PDF file, every page rendered by PDFBox (with JBIG2 and JPEG 2000 decoders) as a viewer displays it
 * ({@link PdfPagePlan}). The pages are the ones the page tree really holds (walked with loop protection,
 * up to the page cap), not the count it claims. Whatever PDFBox could not draw on a page is kept as the
 * page's render problems ({@link CheckedPageDrawer}, {@link PdfBoxErrorLog}).
 */
final class PdfPageFile implements PageFile {

    private final DeadlineRandomAccessRead file;
    private final PDDocument doc;
    private final List<PDPage> pages;
    private final String overCap;
    private CheckedPdfRenderer renderer;

    private PdfPageFile(DeadlineRandomAccessRead file, PDDocument doc, List<PDPage> pages, String overCap) {
        this.file = file;
        this.doc = doc;
        this.pages = pages;
        this.overCap = overCap;
    }

    static PdfPageFile open(Path path, int maxPages, PageDeadline deadline) throws IOException {
        return open(DeadlineRandomAccessRead.of(path.toFile()), maxPages, deadline);
    }

    /** A PDF held in memory (a scanner's document): no copy of it is written anywhere. */
    static PdfPageFile open(byte[] pdf, int maxPages, PageDeadline deadline) throws IOException {
        return open(DeadlineRandomAccessRead.of(pdf), maxPages, deadline);
    }

    private static PdfPageFile open(DeadlineRandomAccessRead file, int maxPages, PageDeadline deadline)
            throws IOException {
        file.deadline(deadline);
        PDDocument doc;
        try {
            // the streams PDFBox makes are kept in memory: no scratch file with page data in java.io.tmpdir
            // (the source is read where it is, so this costs little)
            doc = Loader.loadPDF(file, "", null, null, MemoryUsageSetting.setupMainMemoryOnly().streamCache);
        } catch (InvalidPasswordException e) {
            file.close();
            throw new UnreadableFileException("the PDF is password-protected");
        } catch (PageDeadline.PageTimeLimitException e) {
            file.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            file.close();
            if (deadline.passed()) {
                throw new PageDeadline.PageTimeLimitException(deadline.limit());
            }
            throw new UnreadableFileException("not a readable PDF: " + Messages.of(e));
        }
        try {
            doc.setResourceCache(new NoImageCache());
            List<PDPage> pages = new ArrayList<>();
            String overCap = null;
            for (PDPage page : doc.getPages()) {
                deadline.check();
                if (pages.size() == maxPages) {
                    overCap = "the PDF has more than " + maxPages + " pages: the pages after page " + maxPages
                            + " are not read";
                    break;
                }
                pages.add(page);
            }
            if (pages.isEmpty()) {
                throw new UnreadableFileException("the PDF has no pages");
            }
            return new PdfPageFile(file, doc, pages, overCap);
        } catch (IOException | RuntimeException e) {
            doc.close();
            if (e instanceof UnreadableFileException || e instanceof PageDeadline.PageTimeLimitException) {
                throw e;
            }
            throw new UnreadableFileException("the PDF's page tree is damaged: " + Messages.of(e));
        }
    }

    @Override
    public int pageCount() {
        return pages.size() + (overCap == null ? 0 : 1);
    }

    @Override
    public PageLoadResult read(int index, PageId id, PageDeadline deadline) throws Exception {
        if (index == pages.size()) {
            return new PageLoadResult.Unreadable(id, overCap);
        }
        file.deadline(deadline);
        PDPage page = pages.get(index);
        PdfPagePlan plan = PdfPagePlan.of(page);
        if (plan.problem() != null) {
            return new PageLoadResult.Unreadable(id, plan.problem());
        }
        locate(index, page);
        RenderProblems problems = new RenderProblems();
        renderer.watch(problems, deadline);
        PdfBoxErrorLog.startCollecting(problems);
        BufferedImage img;
        try {
            img = renderer.renderImage(index, plan.scale(), plan.type());
        } catch (OutOfMemoryError e) {
            return new PageLoadResult.Unreadable(id, "PDF page too large to render in the memory available");
        } catch (PageDeadline.PageTimeLimitException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (deadline.passed()) {
                throw new PageDeadline.PageTimeLimitException(deadline.limit());
            }
            return new PageLoadResult.Unreadable(id, "cannot render PDF page: " + Messages.of(e));
        } finally {
            PdfBoxErrorLog.stopCollecting();
        }
        return new PageLoadResult.Loaded(new ScannedPage(id, img, plan.dpi(), plan.type() == ImageType.BINARY,
                problems.list()));
    }

    /**
     * Makes sure PDFBox's renderer finds page {@code index} where the walk found it: the renderer looks
     * pages up by the counts the page tree claims, which a damaged file gets wrong. If they disagree,
     * the tree is replaced in memory by a flat one holding the pages found (with what they inherited).
     */
    private void locate(int index, PDPage page) {
        boolean found;
        try {
            found = doc.getPage(index).getCOSObject() == page.getCOSObject();
        } catch (RuntimeException e) {
            found = false;
        }
        if (!found) {
            flattenPageTree();
        }
        if (renderer == null || !found) {
            renderer = new CheckedPdfRenderer(doc);
        }
    }

    private void flattenPageTree() {
        COSArray kids = new COSArray();
        COSDictionary root = new COSDictionary();
        root.setItem(COSName.TYPE, COSName.PAGES);
        for (PDPage p : pages) {
            COSDictionary dict = p.getCOSObject();
            // what a page inherits from its parents (ISO 32000-1, 7.7.3.4) is copied before it is re-parented
            dict.setItem(COSName.RESOURCES, p.getResources());
            dict.setItem(COSName.MEDIA_BOX, p.getMediaBox());
            dict.setItem(COSName.CROP_BOX, p.getCropBox());
            dict.setInt(COSName.ROTATE, p.getRotation());
            dict.setItem(COSName.PARENT, root);
            kids.add(dict);
        }
        root.setItem(COSName.KIDS, kids);
        root.setInt(COSName.COUNT, pages.size());
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.PAGES, root);
    }

    @Override
    public void close() throws IOException {
        try {
            doc.close();
        } finally {
            file.close();
        }
    }
}
