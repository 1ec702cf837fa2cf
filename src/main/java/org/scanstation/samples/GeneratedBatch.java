package org.scanstation.samples;

import java.nio.file.Path;
import java.util.List;
import org.scanstation.model.Patient;

/**
 * What {@link SampleBatchGenerator#generate} wrote.
 *
 * @param directory   the output folder
 * @param batchDir    the folder with the page files ({@code directory/batch})
 * @param patientsCsv the patient index
 * @param truthJson   the truth file
 * @param index       the patients of the index, as in the CSV
 * @param pages       the pages, in batch order
 * @param layouts     ids of the label layouts the batch could use
 */
public record GeneratedBatch(Path directory, Path batchDir, Path patientsCsv, Path truthJson, List<Patient> index,
                             List<GeneratedPage> pages, List<String> layouts) {

    public GeneratedBatch {
        index = List.copyOf(index);
        pages = List.copyOf(pages);
        layouts = List.copyOf(layouts);
    }
}
