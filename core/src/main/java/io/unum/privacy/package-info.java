/**
 * Privacy and consent: filters at ingest, linking and output; consent evaluation; keyed hashing
 * of identifiers and Bloom-filter encodings of names; the suppression list that keeps erased
 * people erased; erasure audits. The README's privacy section says what is guaranteed and what
 * is not.
 */
package io.unum.privacy;
