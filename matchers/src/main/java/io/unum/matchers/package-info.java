/**
 * Normalizers, comparators and ready-made rules for customer data, plugged into the SPIs of
 * {@code unum-core}.
 */
package io.unum.matchers;
