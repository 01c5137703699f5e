package org.crackdown.trade;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimType;
import org.crackdown.market.Market;
import org.crackdown.model.Parameters;

import ec.util.MersenneTwisterFast;

/**
 * The world as a gang meets it: what it can know ({@link #prospects()}), the markets it sells in,
 * and the events its acts set off, which the model counts and police respond to. The model
 * implements it; a gang sees nothing else of the model, so what a gang does is read in
 * {@link Gang} and here.
 */
public interface TradeWorld {

    Parameters params();

    /** The run's one random generator. */
    MersenneTwisterFast rng();

    /** Days since the start of the run. */
    int dayIndex();

    Prospects prospects();

    Market market();

    /** Public picture of enforcement risk in a province (daily chance of being stopped). */
    double publicRisk(int province);

    /** Whether the trade still pays the gang more than its members' outside income and expected sanction. */
    boolean worthStaying(Gang g);

    /** The gang leaves the trade because it no longer pays (or has long found nothing worth doing). */
    void quit(Gang g);

    /** A gang's trading profit or loss (a sale's margin over what the victim cost; running costs). */
    void earned(Gang g, double amount);

    /** What a day's attempt to obtain a victim gave: the victim and what it cost, or nothing. */
    record Acquisition(Victim victim, double price) { }

    /**
     * One day's attempt to obtain a victim of type t by method m at the gang's source province,
     * for sale at its destination; null if none was had (or it was lost at once to police).
     */
    Acquisition tryAcquire(Gang g, VictimType t, AcquisitionMethod m);

    /** A gang carrying victims spends the day in a province. */
    void exposeToPatrol(Gang g, int province);

    /** A sale happened. */
    void sold(Gang g, Victim v, Market.Sale sale, int province);
}
