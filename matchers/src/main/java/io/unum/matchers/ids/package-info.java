/**
 * Identifier normalizers for customer, loyalty and national identity numbers that flag
 * placeholder values as non-identifying. Start at {@link io.unum.matchers.ids.IdNormalizers}.
 */
package io.unum.matchers.ids;
