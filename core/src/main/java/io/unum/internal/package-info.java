/**
 * The engine's internals. Not API: not exported by the module, and may change in any release.
 * {@link io.unum.internal.GraphState} holds the design overview.
 */
package io.unum.internal;
