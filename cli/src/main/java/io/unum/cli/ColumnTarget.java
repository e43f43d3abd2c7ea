package io.unum.cli;

import io.unum.model.IdentifierType;
import java.util.Objects;

/**
 * Where one input column (a CSV header or a flattened JSON key) goes: the record key, the
 * observation time, an attribute, an identifier, the ground-truth label, or nowhere.
 */
sealed interface ColumnTarget {

    /** The record's id within its source. */
    record Id() implements ColumnTarget {
    }

    /** The record's source system. */
    record Source() implements ColumnTarget {
    }

    /** When the source observed the record (ISO-8601 instant or date). */
    record ObservedAt() implements ColumnTarget {
    }

    /** An attribute of the given name. */
    record Attribute(String name) implements ColumnTarget {
        public Attribute {
            Objects.requireNonNull(name, "name");
        }
    }

    /** An identifier of the given type. */
    record Identifier(IdentifierType type) implements ColumnTarget {
        public Identifier {
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The ground-truth entity label ({@code unum evaluate --truth-column}): captured for the
     * evaluation, never read as record data.
     */
    record Truth() implements ColumnTarget {
    }

    /** Not read (for example a ground-truth column). */
    record Ignored() implements ColumnTarget {
    }
}
