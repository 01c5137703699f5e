package org.crackdown.scenario;

/** A value read from a scenario, with where its key was written, for later consistency checks. */
record Located<T>(T value, Where where) {
}
