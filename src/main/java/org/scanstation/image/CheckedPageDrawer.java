package org.scanstation.image;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.MissingOperandException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.MissingResourceException;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * PDFBox's page drawer, watched: every content-stream operator checks the page's deadline; every
 * operator PDFBox would skip after a failure (an image it cannot decode, a missing resource) is recorded
 * as a problem in words; a form or transparency group that draws itself (directly or through others)
 * is drawn once and the loop recorded as a problem, instead of being followed 50 levels deep.
 */
final class CheckedPageDrawer extends PageDrawer {

    private final RenderProblems problems;
    private final PageDeadline deadline;
    private final Set<Object> drawing = Collections.newSetFromMap(new IdentityHashMap<>());

    CheckedPageDrawer(PageDrawerParameters parameters, RenderProblems problems, PageDeadline deadline)
            throws IOException {
        super(parameters);
        this.problems = problems;
        this.deadline = deadline;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        deadline.check();
        super.processOperator(operator, operands);
    }

    @Override
    protected void operatorException(Operator operator, List<COSBase> operands, IOException e) throws IOException {
        if (e instanceof PageDeadline.PageTimeLimitException || deadline.passed()) {
            throw e;
        }
        problems.add(describe(operator, e));
        super.operatorException(operator, operands, e);
    }

    private static String describe(Operator operator, IOException e) {
        String m = Messages.of(e);
        if (e instanceof org.apache.pdfbox.filter.MissingImageReaderException) {
            return "an image on the page cannot be decoded (" + m + ")";
        }
        if (e instanceof MissingResourceException || e instanceof MissingOperandException) {
            return "the page's content is damaged and part of it cannot be drawn (" + m + ")";
        }
        if (operator.getName().equals("Do")) {
            return "an image or form on the page cannot be drawn (" + m + ")";
        }
        return "part of the page cannot be drawn (operator " + operator.getName() + ": " + m + ")";
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
        deadline.check();
        super.drawImage(image);
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        if (enter(form.getCOSObject(), "form")) {
            try {
                super.showForm(form);
            } finally {
                drawing.remove(form.getCOSObject());
            }
        }
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
        if (enter(group.getCOSObject(), "transparency group")) {
            try {
                super.showTransparencyGroup(group);
            } finally {
                drawing.remove(group.getCOSObject());
            }
        }
    }

    private boolean enter(Object stream, String what) {
        if (drawing.add(stream)) {
            return true;
        }
        problems.add("a " + what + " on the page draws itself (a loop in the PDF), so part of the page"
                + " cannot be drawn");
        return false;
    }
}
