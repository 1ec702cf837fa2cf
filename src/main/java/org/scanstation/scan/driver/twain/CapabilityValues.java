package org.scanstation.scan.driver.twain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads numbers out of capability containers and picks values from their constraints. */
final class CapabilityValues {

    private CapabilityValues() {
    }

    static Optional<Double> number(Object item) {
        return item instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** The container's current value as a number. */
    static Optional<Double> current(Container c) {
        return number(c.current());
    }

    /** The numbers a container allows (a range: its minimum and maximum). */
    static List<Double> numbers(Container c) {
        List<Double> out = new ArrayList<>();
        if (c instanceof Container.Range r) {
            out.add(r.min());
            out.add(r.max());
            return out;
        }
        for (Object o : c.allowed()) {
            number(o).ifPresent(out::add);
        }
        return out;
    }

    /** Whether {@code value} is one of the values the container allows. */
    static boolean allows(Container c, double value) {
        if (c instanceof Container.Range r) {
            return r.contains(value);
        }
        return numbers(c).stream().anyMatch(v -> Math.abs(v - value) < 1e-3);
    }

    /** The allowed value nearest to {@code wanted} (on a tie the higher one: more detail, never less). */
    static Optional<Double> nearest(Container c, double wanted) {
        if (c instanceof Container.Range r) {
            return Optional.of(r.nearest(wanted));
        }
        Double best = null;
        for (double v : numbers(c)) {
            if (best == null || Math.abs(v - wanted) < Math.abs(best - wanted)
                    || (Math.abs(v - wanted) == Math.abs(best - wanted) && v > best)) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }
}
