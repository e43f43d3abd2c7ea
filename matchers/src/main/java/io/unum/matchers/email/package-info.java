/**
 * E-mail addresses: syntax check, provider rules (Gmail dots and {@code +tags}, configurable
 * sub-addressing), internationalized domains, and placeholder and role addresses flagged as
 * non-identifying. Start at {@link io.unum.matchers.email.Emails}.
 */
package io.unum.matchers.email;
