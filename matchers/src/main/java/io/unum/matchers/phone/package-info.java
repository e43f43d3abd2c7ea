/**
 * Phone numbers: E.164 normalization with Google's libphonenumber, a configurable default
 * region, extensions dropped, and placeholder numbers flagged as non-identifying. Start at
 * {@link io.unum.matchers.phone.Phones}.
 */
package io.unum.matchers.phone;
