package org.scanstation.store;

import java.util.List;
import java.util.Map;

/**
 * How a person arranged the pages of a batch still being scanned, as last recorded in its journal: the
 * pages in the order they go (by stored index) and notes about single pages (e.g. "this page starts a
 * new document"), whose meaning belongs to whoever wrote them. Pages stored after the arrangement was
 * recorded are not in {@code order}: they follow it, in scan order.
 */
public record PageArrangement(List<Integer> order, Map<String, String> notes) {

    public PageArrangement {
        order = List.copyOf(order);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }
}
