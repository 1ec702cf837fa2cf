package org.scanstation.image;

import java.util.List;

/**
 * What a batch's inputs are: the files to read, in feeder order, and what was found but is not read.
 */
public record BatchInputs(List<java.nio.file.Path> files, List<SkippedInput> skipped) {

    public BatchInputs {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }
}
