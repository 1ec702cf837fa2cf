package org.scanstation.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.PageLoader;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;

/** Decodes pages again from the files they came from, each file once, keeping only the pages asked for. */
public final class FilePageImageSource implements PageImageSource {

    private final PageLoader loader = new PageLoader();

    @Override
    public Map<PageId, ScannedPage> load(List<PageId> ids) throws IOException, InterruptedException {
        Map<Path, Set<Integer>> wanted = new LinkedHashMap<>();
        for (PageId id : ids) {
            wanted.computeIfAbsent(id.file(), f -> new LinkedHashSet<>()).add(id.pageNumber());
        }
        Map<PageId, ScannedPage> found = new HashMap<>();
        Map<PageId, String> problems = new HashMap<>();
        for (Map.Entry<Path, Set<Integer>> e : wanted.entrySet()) {
            loader.load(e.getKey(), result -> {
                if (e.getValue().contains(result.id().pageNumber())) {
                    if (result instanceof PageLoadResult.Loaded l) {
                        found.put(l.id(), l.page());
                    } else if (result instanceof PageLoadResult.Unreadable u) {
                        problems.put(u.id(), u.reason());
                    }
                }
            });
        }
        for (PageId id : ids) {
            if (!found.containsKey(id)) {
                throw new IOException(id.name() + ": " + problems.getOrDefault(id, "page no longer in its file"));
            }
        }
        return found;
    }
}
