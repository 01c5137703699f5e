package org.crackdown.model;

import java.util.Locale;

/**
 * The per-province, per-month measures the model records; each becomes a column of
 * timeseries.csv (in this order) and, for counts, a total in summary.csv.
 */
public enum Measure {
    BOYS_ACQUIRED(Kind.COUNT, "victims", "Boys taken into the trade whose origin is this province"),
    GIRLS_ACQUIRED(Kind.COUNT, "victims", "Girls taken into the trade whose origin is this province"),
    WOMEN_ACQUIRED(Kind.COUNT, "victims", "Women taken into the trade whose origin is this province (foreign women count at the border province where they entered)"),
    ACQUIRED_ABDUCTION(Kind.COUNT, "victims", "Victims taken by abduction, by origin"),
    ACQUIRED_PURCHASE(Kind.COUNT, "victims", "Children bought from their parents, by origin"),
    ACQUIRED_DECEPTION(Kind.COUNT, "victims", "Women lured by false job or marriage offers, by origin"),
    ACQUIRED_CROSS_BORDER(Kind.COUNT, "victims", "Victims brought across the border from Vietnam, Laos or Myanmar, by border province"),
    VICTIMS_SOLD(Kind.COUNT, "victims", "Victims sold to buyers in this province (destination)"),
    TRANSIT_DAYS(Kind.COUNT, "gang-days", "Days gangs spent in this province holding victims (acquiring, moving through, waiting to sell): where the trade's routes run"),
    WOMEN_RESCUED(Kind.COUNT, "victims", "Women rescued by police in this province"),
    CHILDREN_RESCUED(Kind.COUNT, "victims", "Children rescued by police in this province"),
    RESCUED_IN_TRANSIT(Kind.COUNT, "victims", "Victims rescued when a gang moving them was stopped (patrols, border)"),
    RESCUED_AT_BUST(Kind.COUNT, "victims", "Victims rescued from a gang busted after an investigation"),
    RESCUED_FROM_BUYER(Kind.COUNT, "victims", "Victims found with buyers and rescued"),
    CHILDREN_REUNITED(Kind.COUNT, "children", "Rescued children returned to their parents (DNA match, or parents on record)"),
    GANGS_FORMED(Kind.COUNT, "gangs", "New gangs formed (entry or re-forming after a bust), by home province"),
    GANGS_BUSTED(Kind.COUNT, "gangs", "Gangs broken up by police in this province"),
    SUSPECTS_ARRESTED(Kind.COUNT, "people", "Gang members arrested in this province"),
    CASES_OPENED(Kind.COUNT, "cases", "Files opened on police desks: registered cases, inquiries (missing reports not registered at once) and false tips, which take investigators' time until checked"),
    CASES_SOLVED(Kind.COUNT, "cases", "Registered trafficking cases solved (po an), each after it was registered"),
    WOMEN_CASES_SOLVED(Kind.COUNT, "cases", "Solved cases about trafficked women"),
    CHILD_CASES_SOLVED(Kind.COUNT, "cases", "Solved cases about trafficked children"),
    BUYERS_ENTERED(Kind.COUNT, "buyers", "Households or exploiters who started looking to buy a victim"),
    BUYERS_DETERRED(Kind.COUNT, "buyers", "Would-be buyers who would buy at the going price but not once the expected punishment and the risk of losing the victim to a rescue are counted"),
    BUYERS_GAVE_UP(Kind.COUNT, "buyers", "Buyers who stopped looking without buying"),
    BUYERS_PROSECUTED(Kind.COUNT, "buyers", "Buyers prosecuted after a victim was found with them"),
    TIPS(Kind.COUNT, "tips", "Tips from the public received by police"),
    VICTIMS_IN_TRANSIT(Kind.STOCK, "victims", "Victims held by gangs in this province at the end of the month"),
    GANGS_ACTIVE(Kind.STOCK, "gangs", "Gangs based in this province at the end of the month"),
    BUYERS_WAITING(Kind.STOCK, "buyers", "Unmet demand: buyers still looking at the end of the month"),
    OPEN_CASES(Kind.STOCK, "cases", "Unsolved open cases at the end of the month"),
    OFFICERS_PATROL(Kind.STOCK, "officers", "Anti-trafficking officers on patrol and interdiction (month-end, campaigns included)"),
    OFFICERS_INVESTIGATION(Kind.STOCK, "officers", "Anti-trafficking officers investigating (month-end, campaigns included)"),
    OFFICERS_DNA(Kind.STOCK, "officers", "Officers on DNA sampling and records (month-end)"),
    OFFICERS_BUYER(Kind.STOCK, "officers", "Officers on buyer enforcement (month-end)"),
    PRICE_BOY(Kind.PRICE, "RMB", "Mean price paid for a boy in this province this month (empty if none sold)"),
    PRICE_GIRL(Kind.PRICE, "RMB", "Mean price paid for a girl in this province this month (empty if none sold)"),
    PRICE_WOMAN(Kind.PRICE, "RMB", "Mean price paid for a woman in this province this month (empty if none sold)"),
    CASES_REGISTERED(Kind.COUNT, "cases", "Trafficking cases registered (li an): missing reports registered at once, inquiries registered when solved, genuine tips, leads from busts, and the stops and finds that police make themselves, less those merged into an open case against the same gang; false tips are checked and not registered"),
    RESCUED_BY_PATROL(Kind.COUNT, "victims", "Victims rescued when patrols or border control stopped the gang carrying them"),
    RESCUED_BY_ALERT(Kind.COUNT, "victims", "Children found by the public after a missing-child alert, before the gang got away"),
    RESCUED_BY_BUST(Kind.COUNT, "victims", "Victims freed from a gang busted by an investigation or a joint operation"),
    RESCUED_BY_TRACING(Kind.COUNT, "victims", "Victims traced to their buyers from a busted gang's recent sales (police.trace_depth)"),
    RESCUED_BY_REPORT(Kind.COUNT, "victims", "Victims found with buyers when the case opened by their family's missing report was solved"),
    RESCUED_BY_TIP(Kind.COUNT, "victims", "Victims found with buyers when a case opened by a public tip was solved"),
    RESCUED_BY_DNA(Kind.COUNT, "victims", "Children living with buyers identified by a DNA match with their parents' sample"),
    RESCUED_BY_BUYER_SEARCH(Kind.COUNT, "victims", "Victims found by officers searching buyers' households"),
    HELD_ESCAPED(Kind.COUNT, "victims", "Women held by buyers who escaped (not counted as rescued)"),
    HELD_RELEASED(Kind.COUNT, "victims", "Victims whose buyers let them go, sold them on, or moved out of reach"),
    HELD_DIED(Kind.COUNT, "victims", "Victims who died while held by buyers"),
    HELD_GREW_UP(Kind.COUNT, "victims", "Bought children who grew up in the buyer's family and can no longer be found as trafficked children"),
    JOINT_OPERATIONS(Kind.COUNT, "operations", "Joint cross-provincial operations started (counted in the province at the centre of their area)"),
    JOINT_GANGS_BUSTED(Kind.COUNT, "gangs", "Gangs busted by joint operations (also in gangs_busted)"),
    JOINT_SUSPECTS_ARRESTED(Kind.COUNT, "people", "Gang members arrested by joint operations (also in suspects_arrested)"),
    JOINT_RESCUED(Kind.COUNT, "victims", "Victims rescued by joint operations' busts: held, named in solved cases, traced (also in the rescued_by_* columns)"),
    JOINT_CHILDREN_RESCUED(Kind.COUNT, "children", "Children among the victims rescued by joint operations' busts (also in joint_rescued)"),
    JOINT_RINGS_BROKEN(Kind.COUNT, "rings", "Rings broken up by joint operations: rings an operation went after until none of their gangs was at large (counted in the province of the ring's first gang)"),
    HELD_BY_BUYERS(Kind.STOCK, "victims", "Victims living with buyers in this province at the end of the month: the stock police search and buyers judge their risk against"),
    LEGAL_MARRIAGES(Kind.COUNT, "families", "Surplus men's families who married legally (bride price, marriage migration) rather than buy a trafficked woman"),
    BUYERS_PRICED_OUT(Kind.COUNT, "buyers", "Would-be buyers for whom the victim is worth less than the going price"),
    GANGS_QUIT(Kind.COUNT, "gangs", "Gangs that left the trade because it no longer paid more than their members' outside income and the expected sanction, by home province"),
    RECRUITS_DETERRED(Kind.COUNT, "groups", "Groups of would-be traffickers for whom the trade would pay but not once the expected sanction (arrests x sentences) is counted, by home province"),
    ACQUIRED_AWAY(Kind.COUNT, "victims", "Victims acquired by gangs in a province other than their home, by province of acquisition"),
    CASES_MERGED(Kind.COUNT, "reports", "Reports, tips, leads and stops that police linked to an open case against the same gang and merged into it (chuan bing an) instead of opening a new case"),
    REPORTS_UNREGISTERED(Kind.COUNT, "reports", "Missing reports police did not register at once (police.child_registration, police.woman_registration): kept as inquiries, registered only if solved, or turned away"),
    COURT_CASES_CONCLUDED(Kind.COUNT, "cases", "Trafficking cases concluded by the courts: the prosecution of the members arrested at one bust or stop, when the procuratorate takes it to court (courts.indictment_share) and it sentences at least one of them (counted when the arrests are made: the months a trial takes are not modelled)"),
    PEOPLE_SENTENCED(Kind.COUNT, "people", "Arrested traffickers sentenced (each of a case taken to court with courts.sentenced_share)"),
    PAID_TO_PARENTS(Kind.COUNT, "RMB", "Money brokers paid to parents who sold them a child, by the family's province (over acquired_purchase: the mean price paid)");

    /** How a measure aggregates over time. */
    public enum Kind {
        /** Events summed over the month (and over the measure window in the summary). */
        COUNT,
        /** A level read at the end of the month. */
        STOCK,
        /** Mean over the month's transactions; missing when there were none. */
        PRICE
    }

    private final Kind kind;
    private final String unit;
    private final String doc;

    Measure(Kind kind, String unit, String doc) {
        this.kind = kind;
        this.unit = unit;
        this.doc = doc;
    }

    public Kind kind() { return kind; }
    public String unit() { return unit; }
    public String doc() { return doc; }

    /** Column name, e.g. {@code women_rescued}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
