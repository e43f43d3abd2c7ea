/**
 * The data model: {@link io.unum.model.SourceRecord}s in, golden {@link io.unum.model.Profile}s
 * out. All types here are immutable values, safe to share between threads, and their
 * {@code toString()} never shows personal values.
 */
package io.unum.model;
