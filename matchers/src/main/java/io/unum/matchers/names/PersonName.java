package io.unum.matchers.names;

import io.unum.matchers.internal.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A full name split into its parts, each cleaned as by {@link NameNormalizers#clean()}; parts
 * that are absent are {@code null}.
 *
 * <p>{@link #parse(String)} understands {@code "Given Middle Family"} and
 * {@code "Family, Given Middle"}; leading honorifics and trailing generational suffixes are
 * split off into their own fields and post-nominal letters dropped; a hyphenated family name
 * stays one family name ({@code "Mary Smith-Jones"}: family {@code "smith jones"}); particles
 * before the last word join the family name ({@code "Ludwig van Beethoven"}: family
 * {@code "van beethoven"}). A single word is taken as the given name. Without a comma, a
 * Spanish double surname written with a space cannot be told from a middle name: in
 * {@code "Maria Garcia Lopez"} the family name is {@code "lopez"} and the middle name
 * {@code "garcia"}.
 *
 * @param honorific the canonical honorific, e.g. {@code "dr"}
 * @param given the given name
 * @param middle the middle names, space-separated
 * @param family the family name
 * @param suffix the canonical generational suffix, e.g. {@code "jr"}
 */
public record PersonName(String honorific, String given, String middle, String family, String suffix) {

    /** A name with no part at all. */
    private static final PersonName EMPTY = new PersonName(null, null, null, null, null);

    /**
     * Parses a full name; see the class comment. Never throws; a value with no letters or
     * digits gives a name whose parts are all {@code null}.
     *
     * @param written the name as written (in any script), never {@code null}
     * @return its parts
     */
    public static PersonName parse(String written) {
        // another script first in Latin letters: "王杰" has no space between its two names, "wang jie" has
        String fullName = Transliteration.toLatin(written);
        int comma = fullName.indexOf(',');
        List<String> before = groups(comma < 0 ? fullName : fullName.substring(0, comma));
        List<String> after = comma < 0 ? List.of() : groups(fullName.substring(comma + 1));
        List<String> groups;
        boolean familyFirst = false;
        if (comma >= 0 && !after.isEmpty() && !allSuffixes(after)) {
            // "Family, Given Middle [Suffix]"
            familyFirst = true;
            groups = new ArrayList<>(after);
        } else {
            groups = new ArrayList<>(before);
            groups.addAll(after); // "Given Family, Jr."
        }
        String honorific = null;
        while (groups.size() > 1 && Affixes.HONORIFICS.containsKey(groups.get(0))) {
            String h = Affixes.HONORIFICS.get(groups.remove(0));
            honorific = honorific == null ? h : honorific;
        }
        String suffix = null;
        while (groups.size() > 1 && Affixes.isSuffix(groups.get(groups.size() - 1))) {
            String g = Affixes.generation(groups.remove(groups.size() - 1));
            suffix = suffix == null ? g : suffix;
        }
        if (familyFirst) {
            List<String> familyGroups = new ArrayList<>(before);
            while (familyGroups.size() > 1 && Affixes.HONORIFICS.containsKey(familyGroups.get(0))) {
                String h = Affixes.HONORIFICS.get(familyGroups.remove(0));
                honorific = honorific == null ? h : honorific;
            }
            String family = familyGroups.isEmpty() ? null : String.join(" ", familyGroups);
            if (groups.isEmpty()) {
                return new PersonName(honorific, null, null, family, suffix);
            }
            String given = groups.get(0);
            String middle = groups.size() > 1 ? String.join(" ", groups.subList(1, groups.size())) : null;
            return new PersonName(honorific, given, middle, family, suffix);
        }
        if (groups.isEmpty()) {
            return EMPTY;
        }
        if (groups.size() == 1) {
            return new PersonName(honorific, groups.get(0), null, null, suffix);
        }
        int familyStart = groups.size() - 1;
        while (familyStart > 1 && Affixes.PARTICLES.contains(groups.get(familyStart - 1))) {
            familyStart--;
        }
        String family = String.join(" ", groups.subList(familyStart, groups.size()));
        String middle = familyStart > 1 ? String.join(" ", groups.subList(1, familyStart)) : null;
        return new PersonName(honorific, groups.get(0), middle, family, suffix);
    }

    /** White-space separated groups, each cleaned ({@code "Smith-Jones"} is one group {@code "smith jones"}). */
    private static List<String> groups(String part) {
        List<String> groups = new ArrayList<>(4);
        for (String raw : part.strip().split("[\\s\\u00A0\\u2000-\\u200A\\u3000]+")) {
            List<String> words = NameNormalizers.words(raw);
            String joined = Text.join(words);
            if (joined != null) {
                groups.add(joined);
            }
        }
        return groups;
    }

    private static boolean allSuffixes(List<String> groups) {
        for (String g : groups) {
            if (!Affixes.isSuffix(g)) {
                return false;
            }
        }
        return true;
    }
}
