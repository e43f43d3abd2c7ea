/**
 * Training Fellegi–Sunter parameters without labels (u by random sampling, m by
 * expectation–maximisation over blocked pairs, the prior from expected or deterministic matches)
 * or with labels, term-frequency tables, and the versioned JSON model format.
 */
package io.unum.training;
