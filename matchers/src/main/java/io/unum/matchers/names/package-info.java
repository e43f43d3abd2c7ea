/**
 * Personal names: cleaning and diacritic folding, honorifics and generational suffixes, double
 * surnames, full-name parsing, and nickname canonicalization through a nickname table written
 * for this project. Start at {@link io.unum.matchers.names.NameNormalizers}.
 */
package io.unum.matchers.names;
