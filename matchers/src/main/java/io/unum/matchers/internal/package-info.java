/**
 * Implementation details shared by the matcher packages: per-thread scratch arrays and text
 * helpers. Not exported by the module; not part of the API.
 */
package io.unum.matchers.internal;
