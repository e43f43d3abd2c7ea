/** Runnable, tested examples of embedding Unum. */
package io.unum.examples;
