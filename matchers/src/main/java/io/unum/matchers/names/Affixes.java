package io.unum.matchers.names;

import java.util.Map;
import java.util.Set;

/**
 * Honorifics, generational suffixes and post-nominal letters, in folded form, with their
 * canonical spelling. Words that are also common given names ({@code don}, {@code master}) are
 * deliberately absent.
 */
final class Affixes {

    /** Honorific → canonical form; recognised only before the name. */
    static final Map<String, String> HONORIFICS = Map.ofEntries(
            Map.entry("mr", "mr"), Map.entry("mister", "mr"), Map.entry("mrs", "mrs"), Map.entry("missus", "mrs"),
            Map.entry("ms", "ms"), Map.entry("miss", "miss"), Map.entry("mx", "mx"),
            Map.entry("dr", "dr"), Map.entry("doctor", "dr"), Map.entry("prof", "prof"), Map.entry("professor", "prof"),
            Map.entry("rev", "rev"), Map.entry("revd", "rev"), Map.entry("reverend", "rev"), Map.entry("fr", "fr"),
            Map.entry("father", "fr"), Map.entry("sir", "sir"), Map.entry("dame", "dame"), Map.entry("lady", "lady"),
            Map.entry("lord", "lord"), Map.entry("hon", "hon"), Map.entry("capt", "capt"), Map.entry("captain", "capt"),
            Map.entry("col", "col"), Map.entry("colonel", "col"), Map.entry("lt", "lt"), Map.entry("maj", "maj"),
            Map.entry("major", "maj"), Map.entry("sgt", "sgt"), Map.entry("sergeant", "sgt"), Map.entry("gen", "gen"),
            Map.entry("herr", "herr"), Map.entry("frau", "frau"), Map.entry("fraulein", "frau"),
            Map.entry("mme", "mme"), Map.entry("madame", "mme"), Map.entry("mlle", "mlle"),
            Map.entry("mademoiselle", "mlle"), Map.entry("monsieur", "m"), Map.entry("sr", "sr"),
            Map.entry("senor", "sr"), Map.entry("sra", "sra"), Map.entry("senora", "sra"), Map.entry("srta", "srta"),
            Map.entry("senorita", "srta"), Map.entry("sig", "sig"), Map.entry("signor", "sig"),
            Map.entry("signora", "sig.ra"), Map.entry("dott", "dott"));

    /** Generational suffix → canonical form; recognised only after the name. */
    static final Map<String, String> GENERATIONS = Map.of(
            "jr", "jr", "junior", "jr", "jnr", "jr", "sr", "sr", "senior", "sr", "snr", "sr",
            "ii", "ii", "iii", "iii", "iv", "iv", "2nd", "ii");

    /** Post-nominal letters (degrees, honours); dropped after the name. */
    static final Set<String> POST_NOMINALS = Set.of("3rd", "4th", "phd", "md", "dds", "dmd", "esq", "mba", "cpa",
            "rn", "jd", "dvm", "obe", "mbe", "cbe", "kc", "qc", "msc", "bsc", "ba", "ma", "llb", "llm");

    /** Surname particles that belong to the family name that follows them. */
    static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da", "du",
            "la", "le", "dos", "das", "st", "ter", "ten", "bin", "ibn", "al", "el", "ap", "zu", "op");

    private Affixes() {
    }

    static String generation(String word) {
        if (word.equals("3rd")) {
            return "iii";
        }
        if (word.equals("4th")) {
            return "iv";
        }
        return GENERATIONS.get(word);
    }

    static boolean isSuffix(String word) {
        return generation(word) != null || POST_NOMINALS.contains(word);
    }
}
