package org.crackdown.agent;

import org.crackdown.model.Parameters;

/**
 * A province's anti-trafficking police: how many officers it has (set by the national
 * allocation), how much a running campaign adds, and how they are split between patrol,
 * investigation, DNA work and buyer enforcement.
 */
public final class PoliceUnit implements java.io.Serializable {
    private final int province;
    private double officers;
    private double campaignBoost;

    public PoliceUnit(int province) {
        this.province = province;
    }

    public int province() { return province; }

    /** Routine officers allocated to this province. */
    public double officers() { return officers; }

    public void setOfficers(double officers) { this.officers = officers; }

    /** Extra effort from campaigns, as a multiple of routine effort (0 = none). */
    public double campaignBoost() { return campaignBoost; }

    public void setCampaignBoost(double boost) { this.campaignBoost = boost; }

    /** Officers on duty including campaign reinforcement. */
    public double effective() { return officers * (1 + campaignBoost); }

    public double patrol(Parameters p) { return effective() * p.getPatrolShare(); }
    public double investigators(Parameters p) { return effective() * p.getInvestigationShare(); }
    public double dnaOfficers(Parameters p) { return effective() * p.getDnaShare(); }
    public double buyerOfficers(Parameters p) { return effective() * p.getBuyerShare(); }
}
