package org.crackdown.scenario;

import org.crackdown.yaml.Place;

/** A value read from a scenario, with where its key was written, for later consistency checks. */
record Located<T>(T value, Place where) {
}
