package org.crackdown.agent;

/**
 * A poor rural family with a newborn who would sell the child to a broker if offered at least its
 * reservation price, until {@code closesDay} (after which it keeps the child).
 */
public record SellingFamily(int province, VictimType child, double reservationPrice, int closesDay) implements java.io.Serializable {
}
