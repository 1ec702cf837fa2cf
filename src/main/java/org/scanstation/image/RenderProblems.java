package org.scanstation.image;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What went wrong while one page was being drawn, in words; the same problem is said once. */
final class RenderProblems {

    private static final int MAX = 5;
    private final Set<String> problems = new LinkedHashSet<>();

    synchronized void add(String problem) {
        if (problem != null && !problem.isBlank() && problems.size() < MAX) {
            problems.add(problem.strip());
        }
    }

    synchronized List<String> list() {
        return List.copyOf(new ArrayList<>(problems));
    }
}
