package io.unum.model;

import java.util.List;
import java.util.Objects;

/**
 * How a golden profile picks an attribute's value from its member records. Ties always break
 * the same way, so the golden value is a function of the member records alone: after the
 * strategy's own criterion, the value from the most recently observed record wins, then the
 * value from the record with the smallest {@link RecordKey}.
 *
 * <p>Values are compared as given after trimming surrounding white space.
 */
public sealed interface Survivorship {

    /** The strategy's name as it appears in provenance and reports. */
    String name();

    /** The value from the most recently observed record. */
    record MostRecent() implements Survivorship {
        @Override
        public String name() {
            return "most_recent";
        }
    }

    /** The value that occurs in the most member records. */
    record MostFrequent() implements Survivorship {
        @Override
        public String name() {
            return "most_frequent";
        }
    }

    /**
     * The value from the source earliest in {@code sources}; sources not listed rank after all
     * listed ones.
     *
     * @param sources source names, highest priority first; non-empty, no duplicates
     */
    record SourcePriority(List<String> sources) implements Survivorship {
        public SourcePriority {
            sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("source priority needs at least one source");
            }
            if (sources.stream().distinct().count() != sources.size()) {
                throw new IllegalArgumentException("source priority lists a source twice");
            }
        }

        @Override
        public String name() {
            return "source_priority";
        }
    }

    /** The most complete value: the one with the most characters after trimming. */
    record MostComplete() implements Survivorship {
        @Override
        public String name() {
            return "most_complete";
        }
    }

    /**
     * Every distinct value, most frequent first (ties: most recent, then smallest key), each
     * with the provenance of the record that carries it (the most recent such record).
     */
    record CollectAll() implements Survivorship {
        @Override
        public String name() {
            return "collect_all";
        }
    }

    /**
     * The strategy of a {@link #name()}: {@code most_recent}, {@code most_frequent},
     * {@code most_complete}, {@code collect_all}, or {@code source_priority} with its sources.
     *
     * @param sources the sources of {@code source_priority}, highest priority first; ignored otherwise
     * @throws IllegalArgumentException naming the strategy if it is unknown, or if
     *     {@code source_priority} has no sources
     */
    static Survivorship named(String name, List<String> sources) {
        return switch (name) {
            case "most_recent" -> new MostRecent();
            case "most_frequent" -> new MostFrequent();
            case "most_complete" -> new MostComplete();
            case "collect_all" -> new CollectAll();
            case "source_priority" -> new SourcePriority(sources == null ? List.of() : sources);
            default -> throw new IllegalArgumentException("unknown survivorship strategy \"" + name
                    + "\"; expected most_recent, most_frequent, most_complete, collect_all or source_priority");
        };
    }

    /** See {@link MostRecent}. */
    static Survivorship mostRecent() {
        return new MostRecent();
    }

    /** See {@link MostFrequent}. */
    static Survivorship mostFrequent() {
        return new MostFrequent();
    }

    /** See {@link SourcePriority}. */
    static Survivorship sourcePriority(String... sources) {
        return new SourcePriority(List.of(sources));
    }

    /** See {@link MostComplete}. */
    static Survivorship mostComplete() {
        return new MostComplete();
    }

    /** See {@link CollectAll}. */
    static Survivorship collectAll() {
        return new CollectAll();
    }
}
