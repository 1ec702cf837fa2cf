package org.scanstation.ocr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values several looks read for one field of a label, each with the number of looks that read it.
 * A value read by two or more looks is stable: independent looks (other sizes, other binarisations) do
 * not make the same OCR mistake by chance. Not thread-safe; filled by one reader, then only read.
 */
public final class Votes<T> {

    /** Looks that must read the same value for it to be stable. */
    public static final int STABLE = 2;

    private final Map<T, Integer> counts = new LinkedHashMap<>();

    /** Counts one look's value; a look that read nothing (null) does not vote. */
    public void add(T value) {
        if (value != null) {
            counts.merge(value, 1, Integer::sum);
        }
    }

    public int count(T value) {
        return counts.getOrDefault(value, 0);
    }

    /** Every value read, in the order first read. */
    public Set<T> values() {
        return Collections.unmodifiableSet(counts.keySet());
    }

    /** The values read by at least {@link #STABLE} looks, most read first. */
    public List<T> stable() {
        List<T> out = new ArrayList<>();
        for (Map.Entry<T, Integer> e : counts.entrySet()) {
            if (e.getValue() >= STABLE) {
                out.add(e.getKey());
            }
        }
        out.sort((a, b) -> Integer.compare(count(b), count(a)));
        return out;
    }

    /** The one stable value, or null when none is stable or two different values are. */
    public T onlyStable() {
        List<T> s = stable();
        return s.size() == 1 ? s.get(0) : null;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
