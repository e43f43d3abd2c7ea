/**
 * Matching configuration: {@link io.unum.rules.MatchRule}s (deterministic and
 * Fellegi–Sunter probabilistic), the {@link io.unum.rules.Feature}s they read, their
 * {@link io.unum.rules.Comparison}s and {@link io.unum.rules.BlockingKey}s. All types are
 * immutable values.
 */
package io.unum.rules;
