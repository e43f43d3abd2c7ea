/**
 * Unum's entry point: build a {@link io.unum.Resolver} once, then {@link
 * io.unum.Resolver#resolve resolve} batches or keep a live {@link io.unum.IdentityGraph}. Both
 * run one engine: features once per record, an inverted blocking index with a size cap,
 * deterministic and Fellegi–Sunter scoring, clustering with merge protection, survivorship with
 * provenance.
 */
package io.unum;
