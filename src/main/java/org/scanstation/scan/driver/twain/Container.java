package org.scanstation.scan.driver.twain;

import java.util.List;

/**
 * A capability's value as the data source gives it: one value, an enumeration (a list with the
 * current and default index), a range (min, max, step, default, current) or an array. Items are
 * {@link Long} for integer and boolean types (booleans as 0/1), {@link Double} for {@code TW_FIX32},
 * {@link String} for the string types and {@link Frame} for frames.
 */
sealed interface Container {

    ItemType type();

    /** The value in force now. */
    Object current();

    /** Every value the source allows (a range lists no values: see {@link Range}). */
    List<Object> allowed();

    record OneValue(ItemType type, Object value) implements Container {
        @Override
        public Object current() {
            return value;
        }

        @Override
        public List<Object> allowed() {
            return List.of(value);
        }
    }

    record Enumeration(ItemType type, List<Object> items, int currentIndex, int defaultIndex) implements Container {
        public Enumeration {
            items = List.copyOf(items);
        }

        @Override
        public Object current() {
            return currentIndex >= 0 && currentIndex < items.size() ? items.get(currentIndex) : null;
        }

        @Override
        public List<Object> allowed() {
            return items;
        }
    }

    /** A range of numbers: {@code min}, {@code min + step}, ..., up to {@code max}. */
    record Range(ItemType type, double min, double max, double step, double defaultValue, double currentValue)
            implements Container {
        @Override
        public Object current() {
            return currentValue;
        }

        @Override
        public List<Object> allowed() {
            return List.of();
        }

        /** Whether {@code v} is one of the range's values (within a small tolerance for fixed point). */
        boolean contains(double v) {
            if (v < min - 1e-3 || v > max + 1e-3) {
                return false;
            }
            if (step <= 0) {
                return true;
            }
            double k = (v - min) / step;
            return Math.abs(k - Math.rint(k)) < 1e-3;
        }

        /** The value of the range nearest to {@code v}. */
        double nearest(double v) {
            double clamped = Math.max(min, Math.min(max, v));
            if (step <= 0) {
                return clamped;
            }
            double k = Math.rint((clamped - min) / step);
            return Math.min(max, min + k * step);
        }
    }

    record ArrayOf(ItemType type, List<Object> items) implements Container {
        public ArrayOf {
            items = List.copyOf(items);
        }

        @Override
        public Object current() {
            return items;
        }

        @Override
        public List<Object> allowed() {
            return items;
        }
    }
}
