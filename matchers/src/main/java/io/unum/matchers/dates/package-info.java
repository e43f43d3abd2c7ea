/**
 * Dates: parsing of ISO, compact, numeric and month-name forms into ISO 8601 (full or partial),
 * with an explicit day/month ambiguity policy, two-digit-year pivot and placeholder dates. Start
 * at {@link io.unum.matchers.dates.Dates}.
 */
package io.unum.matchers.dates;
