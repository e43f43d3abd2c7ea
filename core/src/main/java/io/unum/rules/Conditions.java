package io.unum.rules;

import io.unum.spi.FieldComparator;

/** Built-in {@link LevelCondition}s. */
final class Conditions {

    static final LevelCondition EXACT = new LevelCondition() {
        @Override
        public boolean test(String a, String b) {
            return a.equals(b);
        }

        @Override
        public String toString() {
            return "exact";
        }
    };

    static final LevelCondition ALWAYS = new LevelCondition() {
        @Override
        public boolean test(String a, String b) {
            return true;
        }

        @Override
        public String toString() {
            return "else";
        }
    };

    private Conditions() {
    }

    record AtLeast(FieldComparator comparator, double threshold) implements LevelCondition {
        @Override
        public boolean test(String a, String b) {
            return comparator.compare(a, b) >= threshold;
        }

        @Override
        public String toString() {
            return comparator + " >= " + threshold;
        }
    }
}
