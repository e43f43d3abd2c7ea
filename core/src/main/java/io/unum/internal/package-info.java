/**
 * The engine's internals. Not API: not exported by the module, and may change in any release.
 * {@link io.unum.internal.Engine} lists the stages (the kernel: pure, thread-safe, no graph
 * state); {@link io.unum.internal.ChangeApplier} holds the design overview of the one write
 * path; {@code docs/architecture.md} in the repository describes both.
 */
package io.unum.internal;
