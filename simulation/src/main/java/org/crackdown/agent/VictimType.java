package org.crackdown.agent;

import java.util.Locale;

/** Who is trafficked; buyers want, and pay for, different types. */
public enum VictimType {
    BOY, GIRL, WOMAN;

    public boolean isChild() {
        return this != WOMAN;
    }

    /** As written in outputs: boy, girl, woman. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
