package org.scanstation.pdf;

import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Checks files against PDF/A-2b with veraPDF, listing the failed rules when they do not comply. */
public final class PdfaValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfaValidation() {
    }

    /** The PDF/A-2b rules the PDF breaks, empty when it complies. */
    public static java.util.List<String> failures(byte[] pdf) throws Exception {
        PDFAFlavour flavour = PDFAFlavour.fromString("2b");
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new java.io.ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            return validator.validate(parser).getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
        }
    }

    public static void assertPdfA2b(Path pdf) throws Exception {
        PDFAFlavour flavour = PDFAFlavour.fromString("2b");
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            if (!result.isCompliant()) {
                String failed = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                                + a.getMessage() + " @ " + a.getLocation().getContext())
                        .distinct()
                        .collect(Collectors.joining("\n  "));
                fail(pdf.getFileName() + " is not PDF/A-2b:\n  " + failed);
            }
        }
    }
}
