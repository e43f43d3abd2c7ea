package io.unum.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.evaluation.ClusteringEvaluator;
import io.unum.evaluation.QualityReport;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calibrates the generator's difficulty: simple, realistic deterministic rules (shared ids,
 * canonical e-mail, name + date of birth, phone + first name) joined by union-find must reach a
 * high but not a perfect F1 once they ignore generic values (a key value on more than
 * {@value #GENERIC} records links nothing); trusting every shared value must cost precision, as
 * the junk of revision 3 (shops' default cards, shop phones, agency e-mails) links strangers; and
 * adding the identifiers that households share must cost precision. Written without the engine so
 * that it measures the data, not the engine.
 */
class BaselineRulesTest {

    private static final Set<String> JUNK_EMAILS = Set.of(Tables.JUNK_EMAILS);
    private static final Set<String> JUNK_PHONES = Set.of(Tables.JUNK_PHONES);

    /** A key value on more records than this is generic: the careful rules do not link on it. */
    static final int GENERIC = 15;

    static GeneratedData data;

    @BeforeAll
    static void generate() throws IOException {
        data = GeneratedData.generate(20_000, 99);
    }

    /** Union-find over row numbers, linking rows that share a key. */
    private static final class Links {
        final int[] parent;
        final Map<String, Integer> firstWithKey = new HashMap<>();
        /** Records per rule and key, when this is the counting pass. */
        final Map<String, Integer> tally = new HashMap<>();
        /** Records per rule and key, counted in a first pass; null in the first pass itself. */
        final Map<String, Integer> counts;
        final int generic;

        Links(int size, Map<String, Integer> counts, int generic) {
            this.counts = counts;
            this.generic = generic;
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void link(int row, String rule, String key) {
            if (key == null) {
                return;
            }
            String ruleKey = rule + "\u0000" + key;
            if (counts == null) {
                tally.merge(ruleKey, 1, Integer::sum);
                return;
            }
            if (counts.get(ruleKey) > generic) {
                return;
            }
            Integer other = firstWithKey.putIfAbsent(ruleKey, row);
            if (other != null) {
                parent[find(row)] = find(other);
            }
        }

        Map<String, Integer> clustering() {
            Map<String, Integer> map = new HashMap<>();
            for (int i = 0; i < parent.length; i++) {
                map.put(data.get(i, "record_id"), find(i));
            }
            return map;
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String formalFirst(String first) {
        if (first == null) {
            return null;
        }
        String name = GeneratedData.name(first);
        for (Map.Entry<String, String[]> entry : Tables.NICKNAMES.entrySet()) {
            for (String nickname : entry.getValue()) {
                if (nickname.toLowerCase(Locale.ROOT).equals(name)) {
                    return GeneratedData.name(entry.getKey());
                }
            }
        }
        return name;
    }

    private static String email(String value) {
        String e = lower(value);
        if (e == null || JUNK_EMAILS.contains(e)) {
            return null;
        }
        int at = e.indexOf('@');
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        int plus = local.indexOf('+');
        local = plus >= 0 ? local.substring(0, plus) : local;
        return (domain.equals("gmail.com") ? local.replace(".", "") : local) + "@" + domain;
    }

    private static String phone(String value) {
        String digits = value == null ? null : GeneratedData.phoneDigits(value);
        return digits == null || JUNK_PHONES.contains(digits) ? null : digits;
    }

    private static QualityReport<String> resolve(boolean withHouseholdIdentifiers, int generic) {
        Links counting = new Links(data.size(), null, 0);
        link(counting, withHouseholdIdentifiers);
        Links links = new Links(data.size(), counting.tally, generic);
        link(links, withHouseholdIdentifiers);
        Map<String, String> truth = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            truth.put(data.get(i, "record_id"), data.persons.get(i));
        }
        return ClusteringEvaluator.defaults().evaluate(links.clustering(), truth);
    }

    private static void link(Links links, boolean withHouseholdIdentifiers) {
        for (int i = 0; i < data.size(); i++) {
            links.link(i, "customer", data.get(i, "customer_id"));
            String loyalty = data.get(i, "loyalty_id");
            links.link(i, "loyalty", loyalty == null ? null : loyalty.replaceFirst("^LY", ""));
            links.link(i, "cookie", data.get(i, "cookie_id"));
            String x = data.get(i, "social_x");
            links.link(i, "x", x);
            String instagram = data.get(i, "social_instagram");
            links.link(i, "instagram", instagram == null ? null : instagram.replaceFirst("^@", ""));
            String first = formalFirst(data.get(i, "first_name"));
            String last = data.get(i, "last_name") == null ? null : GeneratedData.name(data.get(i, "last_name"));
            LocalDate dob = data.dob(i);
            if (first != null && last != null && dob != null) {
                links.link(i, "name-dob", first + "|" + last + "|" + dob);
            }
            String zip = data.get(i, "postcode") == null ? null : data.get(i, "postcode").substring(0, 5);
            if (first != null && last != null && zip != null) {
                links.link(i, "name-zip", first + "|" + last + "|" + zip);
            }
            String mail = email(data.get(i, "email"));
            String phone = phone(data.get(i, "phone"));
            if (first != null) {
                links.link(i, "first-email", mail == null ? null : first + "|" + mail);
                links.link(i, "first-phone", phone == null ? null : first + "|" + phone);
            }
            if (withHouseholdIdentifiers) {
                links.link(i, "email", mail);
                links.link(i, "phone", phone);
                links.link(i, "device", lower(data.get(i, "device_id")));
            }
        }
    }

    @Test
    void realisticRulesReachAHighButImperfectScore() {
        QualityReport<String> careful = resolve(false, GENERIC);
        System.out.println("careful rules: " + careful.summary());
        assertTrue(careful.pairwise().f1() > 0.6 && careful.pairwise().f1() < 0.98, careful.toString());
        assertTrue(careful.bcubed().f1() > 0.7 && careful.bcubed().f1() < 0.98, careful.toString());
        assertTrue(careful.missedLinkCount() > 0 && careful.falseMergeCount() > 0, careful.toString());

        QualityReport<String> trusting = resolve(false, Integer.MAX_VALUE);
        System.out.println("trusting rules: " + trusting.summary());
        assertTrue(trusting.pairwise().precision() < careful.pairwise().precision() - 0.1,
                "junk values shared by many strangers merge them: " + trusting);

        QualityReport<String> greedy = resolve(true, GENERIC);
        System.out.println("greedy rules: " + greedy.summary());
        assertTrue(greedy.pairwise().precision() < careful.pairwise().precision() - 0.05,
                "linking on shared household identifiers merges family members: " + greedy);
        assertTrue(greedy.pairwise().recall() > careful.pairwise().recall(), greedy.toString());
    }
}
