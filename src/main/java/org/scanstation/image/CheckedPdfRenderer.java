package org.scanstation.image;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/** PDFBox's renderer drawing with a {@link CheckedPageDrawer} for the page being rendered. */
final class CheckedPdfRenderer extends PDFRenderer {

    private RenderProblems problems = new RenderProblems();
    private PageDeadline deadline = PageDeadline.none();

    CheckedPdfRenderer(PDDocument document) {
        super(document);
        setSubsamplingAllowed(true);
    }

    /** The problems and deadline of the next page rendered. */
    void watch(RenderProblems problems, PageDeadline deadline) {
        this.problems = problems;
        this.deadline = deadline;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new CheckedPageDrawer(parameters, problems, deadline);
    }
}
