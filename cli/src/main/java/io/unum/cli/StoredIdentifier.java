package io.unum.cli;

import io.unum.EngineSpec;
import io.unum.matchers.CustomerRules;
import io.unum.model.IdentifierType;
import io.unum.rules.RuleSet;
import io.unum.spi.IdentifierNormalizer;
import io.unum.spi.NormalizedValue;
import picocli.CommandLine;

/**
 * An identifier given on the command line in the form a store keeps it: normalized as the
 * store's configuration normalizes its type (the customer rules' normalizers: e-mail provider
 * rules, phone numbers in E.164 for the store's region; otherwise the type's own normalizer).
 * Messages name the option and what was expected, never the value.
 */
final class StoredIdentifier {

    private StoredIdentifier() {
    }

    /**
     * The stored form of {@code raw}.
     *
     * @param spec the store's configuration, or {@code null} for the types' own normalizers
     * @param option the option that gave the value, for messages
     * @throws CommandLine.ParameterException naming the option if the value is malformed
     */
    static String of(CommandLine commandLine, EngineSpec spec, IdentifierType type, String raw, String option) {
        if (raw == null || raw.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, option + ": expected a value, was blank");
        }
        NormalizedValue normalized = normalizer(spec, type).normalize(raw);
        if (normalized instanceof NormalizedValue.Valid valid) {
            return valid.value();
        }
        if (normalized instanceof NormalizedValue.NonIdentifying nonIdentifying) {
            return nonIdentifying.value();
        }
        throw new CommandLine.ParameterException(commandLine, option + ": expected "
                + ((NormalizedValue.Invalid) normalized).expected() + "; the value given is malformed");
    }

    /** The normalizer the store's configuration uses for a type. */
    static IdentifierNormalizer normalizer(EngineSpec spec, IdentifierType type) {
        IdentifierNormalizer found = null;
        if (spec != null) {
            for (RuleSet ruleSet : spec.ruleSets()) {
                if (ruleSet instanceof CustomerRules rules && rules.identifierNormalizers().containsKey(type)) {
                    found = rules.identifierNormalizers().get(type); // the last rule set wins, as in the builder
                }
            }
        }
        return found != null ? found : type.normalizer();
    }
}
