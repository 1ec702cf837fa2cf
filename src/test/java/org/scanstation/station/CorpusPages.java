package org.scanstation.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A few public-01 pages in a folder of their own, for the folder scanner: two patients' documents. */
final class CorpusPages {

    static final Path CORPUS = Path.of("../shared/corpus/public-01");
    static final Path PATIENTS = CORPUS.resolve("patients.csv");
    /** Two pages of one patient, a separator sheet, a CCITT G4 page and a grey page of another patient. */
    static final List<String> PAGES = List.of("0007.jpg", "0008.jpg", "0009.jpg", "0015.tif", "0016.jpg");
    static final String SEPARATOR = "0009.jpg";
    static final String FIRST_PATIENT = "9996018407";
    static final String SECOND_PATIENT = "9991518150";

    private CorpusPages() {
    }

    /** Copies {@link #PAGES} into {@code dir}/pages; returns that folder. */
    static Path into(Path dir) throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        for (String name : PAGES) {
            Files.copy(CORPUS.resolve("batch").resolve(name), pages.resolve(name));
        }
        return pages;
    }
}
