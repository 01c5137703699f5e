package org.crackdown.model;

/**
 * Every behavioural and policy parameter of the model, as scenario keys. The {@link Param}
 * annotation on each field is the single source of truth for key, unit, range and meaning;
 * {@link ParamRegistry} reads it for validation, documentation and the command line.
 *
 * <p>Getters follow bean conventions. The GUI does not inspect this class: its sliders
 * (gui.Levers) take each key's range from the annotation. The few setters reject values outside
 * that same range instead of ignoring them silently.
 *
 * <p>Defaults marked source "calibrated" were fitted to the 2011 figures (docs/calibration.md);
 * "free" marks behavioural parameters with hand-set defaults; every other default is a published
 * figure whose source is named, and also listed in scenarios/data/facts.csv.
 *
 * <p>Longer than ~400 lines on purpose: one annotated field per scenario key, grouped by section,
 * is what makes this the single source of truth; splitting it by section would give the registry,
 * the GUI and the docs several places to look for one key.
 */
public final class Parameters implements java.io.Serializable, Cloneable {

    // ---------------------------------------------------------------- scale
    @Param(key = "scale", unit = "fraction of real numbers", min = 0.0001, max = 1,
            doc = "Share of China's real population, police and gangs that the run simulates. 1 = one agent per real gang, buyer and victim; smaller values give fast test runs whose counts are scaled down accordingly.",
            source = "run setting")
    private double scale = 1.0;

    // ---------------------------------------------------------------- initial state
    @Param(key = "init.settled_stocks",
            doc = "Whether the run starts with the slow stocks of enforcement near the steady state the model's own rates imply (victims living with buyers, gangs' ledgers of recent sales, open cases, the perceived share of reports solved; docs/ODD.md s5) instead of empty. false = the older empty start, whose rescues climb from near zero over the first years.",
            source = "model setting")
    private boolean settledStocks = true;

    @Param(key = "init.spin_up_days", unit = "days", min = 0, max = 18250,
            doc = "Days the model runs before the scenario's start, with the start's inputs (its year's demography, the timeline and police as on the start), recording nothing: what the settled start does not set (how many gangs there are, what they believe and expect the trade to pay, buyers waiting, prices, partner links) settles by the first recorded day. 0 = recording begins at the settled start itself: the gang count then climbs from gangs.initial for most of a year, and every initial gang plans its first trip on the first day.",
            source = "model setting: from gangs.initial = 4,000 the gang count of china-2011 levels off within about nine months (scale 0.1, seed 1, session 8: 381 active at the end of the first month, 862 in October, 820-940 from then on); a year covers that. The shipped scenarios set five years since session 10: the women's going rate and the stock of women held by buyers settle over years (docs/calibration.md, session 10); with init.restock_days (session 12) five years reach the state of a 20-30 year spin-up within noise, four do not (docs/calibration.md, session 12). Since session 16 the default police practice is that before the 2009 campaign, whose larger trade needs two restocks (three years) to settle: after the default year the gang count and the stock held by buyers still rise by about a quarter over two quiet years (docs/calibration.md, session 16); the default stays a year so that test runs stay short, and a scenario should set five years as the shipped ones do. Up to 50 years, to check how settled a start is")
    private int spinUpDays = 365;

    @Param(key = "init.restock_days", unit = "days", min = 0, max = 3650,
            doc = "During the spin-up, every this many days the stock of victims held by buyers older than the window is set to the steady state of the window's own flows (sales into households, rescues from them, the held.* exits; docs/ODD.md s5), so the spin-up need not wait the decade that stock takes to follow the market. Only with init.settled_stocks. 0 = never: the stock fills at its own pace.",
            source = "model setting (session 12): a window of a year lets the market's prices and flows settle between restocks")
    private int restockDays = 365;

    // ---------------------------------------------------------------- births
    @Param(key = "births.birth_rate", unit = "births per 1000 people per year", min = 0, max = 50,
            doc = "Crude birth rate of 2010. Births follow the national series of scenarios/data/demography-history.csv year by year (1990 21.06, 2003 12.41, 2010 11.90, 2015-2020 from published births), scaled by births.birth_rate / 11.90: the default is the series, another value raises or lowers births in every year and cohort by the same factor (a sensitivity lever).",
            source = "NBS Statistical Communique 2010: 11.90 per thousand")
    private double birthRate = 11.90;

    @Param(key = "births.srb_shift", unit = "boys per 100 girls", min = -30, max = 40,
            doc = "Added to every province's sex ratio at birth, for all birth cohorts (a counterfactual China with stronger or weaker son preference). 0 = the data.",
            source = "scenario lever")
    private double srbShift = 0.0;

    // ---------------------------------------------------------------- incomes
    @Param(key = "incomes.growth", unit = "per year", min = -0.5, max = 1,
            doc = "Yearly growth of national rural income per person (nominal) before 1998 and after 2020, where scenarios/data/demography-history.csv has no point. Every amount of money in the model (willingness to pay, legal marriage cost, families' reservation prices, gangs' costs, outside income and risk aversion, buyers' sanction cost, a new gang's funds) is a parameter in RMB of mid-2011 and follows national rural income from day to day: between the yearly NBS points of 1998-2020 in demography-history.csv log-linearly, outside them at this rate. Prices in RMB therefore rise with incomes; what buyers, families and gangs decide depends on money only relative to the year's incomes, except where old prices linger (buyers' bids made at entry, gangs' expectations of sale prices).",
            source = "assumption: the 1998-2020 average rate of the NBS series in demography-history.csv, (16,161.9 / 2,162.0)^(1/22) - 1 = 9.6% a year, carried to the years without a figure (it was 13.6%, the 2008-2011 rate, while the series had only those two points); prior uniform 0.05-0.15")
    private double incomeGrowth = 0.096;

    // ---------------------------------------------------------------- families
    @Param(key = "families.sale_propensity", unit = "probability per rural birth", min = 0, max = 0.1,
            doc = "Chance that a rural family with a newborn, at the national average rural income, is open to selling the child to a broker in the following months. Scaled up in poorer provinces by families.poverty_elasticity. Rural births are births x (1 - urban share of the year).",
            source = "calibrated to parents' share of child sales 35-40% (china-facts.md s4): national refit by hand after the going rate stopped following single sales, ten seeds at scale 0.1 per step then 10 national replicates (docs/calibration.md, session 5, 2026-11-30); lowered by hand from 0.0014 in session 8, when the lower son propensity put the share at the top of its range (0.397-0.400 nationally; -0.012 at scale 0.1, ten seeds); refit by hand to 0.00135 in session 9 with the sustained 2009 campaign (docs/calibration.md, A campaign that lasts); 0.0014 from the refit by hand (docs/calibration.md, session 10: the national refit by hand after cases without a trail, the going rate that no longer runs away, and a five-year spin-up; 10 national replicates meet all nine 2011 targets); 0.00135 refit by hand in session 11 when every amount of money began to follow national incomes (docs/calibration.md, session 11); prior: log-uniform 0.0005-0.02; 0.0008 in session 13, when half the children no longer came from abroad and abductions filled the gap (docs/calibration.md, session 13: refit by hand when the foreign broker began to be paid a share of the going rate); 0.0008 -> 0.0009 in session 15, from the national check after the refit (parents' share 0.326 nationally at 0.0008, 0.356 at 0.0009; docs/calibration.md, session 15); 0.001 in session 16 with buyer prosecution 0.044: at 0.0009 the national check (ten replicates) had children rescued +10.0% and parents' share 0.346; at 0.001, +7.3% and 0.367, all nine targets met; 0.0014 in session 18, when brokers began to plan with their share of the families who would sell (docs/calibration.md, session 18): ten seeds at scale 0.1 per step, then ten national replicates (parents' share 0.381)")
    private double salePropensity = 0.0014;

    @Param(key = "families.poverty_elasticity", source = "assumption, prior: uniform 0.5-3 (no published figure)",
            unit = "elasticity", min = 0, max = 5,
            doc = "How strongly the openness to sell a child rises with rural poverty: factor (national income / province income)^elasticity.")
    private double povertyElasticity = 1.5;

    @Param(key = "families.girl_sale_factor", source = "assumption, prior: uniform 1-4 (no published figure)",
            unit = "ratio", min = 0, max = 10,
            doc = "How much more often a daughter than a son is offered for sale (son preference).")
    private double girlSaleFactor = 2.0;

    @Param(key = "families.sale_window_days", source = "assumption, prior: uniform 30-365 days (no published figure)",
            unit = "days", min = 1, max = 720,
            doc = "How long a family stays open to an offer before it keeps the child.")
    private int saleWindowDays = 120;

    @Param(key = "families.reservation_median", unit = "RMB", min = 0, max = 1e6,
            doc = "Median reservation price of a family open to selling a newborn, at the national average rural income: the least it accepts from a broker. Scaled by (province rural income / national)^1 (richer families ask more); spread lognormally by families.reservation_sigma. Higher offers find more families willing, so the supply of bought children responds to price.",
            source = "assumption, prior: 10,000-30,000 (china-facts.md s4: infants bought for 10,000-30,000 RMB in poor areas, MPS ~2015, is what was paid, a check on the model)")
    private double reservationMedian = 18_000;

    @Param(key = "families.reservation_sigma", unit = "log-SD", min = 0, max = 3,
            doc = "Spread of families' reservation prices (standard deviation of the log).",
            source = "assumption, prior: 0.3-1.0")
    private double reservationSigma = 0.5;

    @Param(key = "families.child_report_probability", unit = "probability", min = 0, max = 1,
            doc = "Chance that parents report an abducted child to the police. Whether the report becomes a registered case is the police's decision (police.child_registration).",
            source = "assumption, prior: uniform 0.7-1.0 (parents of an abducted child almost always go to the police; the 2009 change was in registration, china-facts.md s2); the value the 2011 scenario used after Apr 2009; 0.7 from session 13, at the low end of the prior: with less of the child trade from abroad abduction must carry more of it, and its risk is this probability times the clearance the gangs see (docs/calibration.md, session 13: refit by hand when the foreign broker began to be paid a share of the going rate)")
    private double childReportProbability = 0.7;

    @Param(key = "families.woman_report_probability", source = "assumption, prior: uniform 0.2-0.8 (no published figure)",
            unit = "probability", min = 0, max = 1,
            doc = "Chance that a deceived or abducted woman's family reports her missing. Whether the report becomes a registered case is the police's decision (police.woman_registration).")
    private double womanReportProbability = 0.35;

    @Param(key = "families.left_behind_risk", source = "assumption, prior: uniform 0-2 (no published figure)",
            unit = "ratio", min = 0, max = 20,
            doc = "Extra abduction success where many children are left behind by migrant parents: factor 1 + left_behind_risk x (province's share of left-behind children / its share of population - 1), floored at 0.2.")
    private double leftBehindRisk = 0.5;

    // ---------------------------------------------------------------- demand
    @Param(key = "demand.son_propensity", unit = "probability per girl birth", min = 0, max = 0.1,
            doc = "Chance that a family whose newborn is a girl, in a province with the national son preference, goes on to seek a boy to buy. Scaled by the province's excess sex ratio at birth (son preference) and income.",
            source = "calibrated: refit after the settled start of session 7 (buyers start at the risk their enforcement implies): bobyqa at scale 0.1 (4 seeds) then at national scale (2 seeds), checked over 10 national replicates (docs/calibration.md, 2026-12-01); lowered by hand from 0.0166 in session 8, after the spin-up and the recalibrated buyer prosecution left children rescued 8.6-10% above their target (10 and 4 national replicates; -6% at scale 0.1, ten seeds); refit by hand to 0.015 in session 9 with the sustained 2009 campaign (docs/calibration.md, A campaign that lasts); 0.011 from the refit by hand (docs/calibration.md, session 10); 0.0098 refit by hand in session 12 when the spin-up began to restock the stock held by buyers (a larger settled trade; docs/calibration.md, session 12); prior: log-uniform 0.002-0.05; 0.012 in session 13 (docs/calibration.md, session 13: refit by hand when the foreign broker began to be paid a share of the going rate); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15); 0.0034 in session 18, with gangs.cross_border_child_factor, when brokers began to plan with their share of the families who would sell (docs/calibration.md, session 18; ten national replicates: children rescued 8,938)")
    private double sonPropensity = 0.0034;

    @Param(key = "demand.girl_accept_share", source = "assumption, prior: uniform 0.1-0.6 (no published figure)",
            unit = "fraction", min = 0, max = 1,
            doc = "Share of child buyers (childless couples) who would also take a girl.")
    private double girlAcceptShare = 0.3;

    @Param(key = "demand.bride_propensity", unit = "probability per surplus man", min = 0, max = 1,
            doc = "Chance that the family of a man left out of the marriage market (surplus men of the cohort born 25 years earlier, from that cohort's births and sex ratio at birth) tries to buy a bride. Scaled up in poorer provinces.",
            source = "calibrated: refit after the settled start of session 7 (buyers start at the risk their enforcement implies): bobyqa at scale 0.1 (4 seeds) then at national scale (2 seeds), checked over 10 national replicates (docs/calibration.md, 2026-12-01); lowered by hand from 0.103 in session 8 when buyers.prosecution_probability fell from 0.11 to 0.064 (fewer buyers deterred: women rescued +7% at scale 0.1); refit by hand to 0.069 in session 9 with the sustained 2009 campaign: a larger trade before 2009 (fewer police) leaves more victims with buyers in 2011 (docs/calibration.md, A campaign that lasts); 0.043 from the refit by hand (docs/calibration.md, session 10); 0.038 refit by hand in session 12 when the spin-up began to restock the stock held by buyers (docs/calibration.md, session 12); prior: log-uniform 0.02-0.5; refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15); refit by hand in session 29 to 0.035 with market.price_adjustment 0.006 (ten national replicates of the 2011 scenario, four from 1998; docs/calibration.md, session 29)")
    private double bridePropensity = 0.035;

    @Param(key = "demand.marriage_age", unit = "years", min = 15, max = 40,
            doc = "Age at which a cohort enters the marriage market; its surplus of men comes from the sex ratio at birth of that year.",
            source = "china-facts.md s3: squeeze from cohorts born 20-30 years earlier (midpoint)")
    private int marriageAge = 25;

    @Param(key = "demand.commercial_rate", unit = "buyers per million urban residents per year", min = 0, max = 1000,
            doc = "Commercial exploiters (sex work, forced labour) seeking a woman, per million urban residents (population x urban share of the year), at the national average income; rises with income (cities).",
            source = "assumption, prior: 4 per million people; re-expressed per million urban residents as 4 / 0.4986 (urban share mid-2011 in demography-history.csv), so the 2011 flow is unchanged")
    private double commercialRate = 8.02;

    @Param(key = "demand.income_elasticity", source = "assumption, prior: uniform 0.5-2 (no published figure)",
            unit = "elasticity", min = 0, max = 5,
            doc = "How demand for boys and for commercial exploitation rises with a province's income: factor (province income / national income)^elasticity.")
    private double incomeElasticity = 1.0;

    @Param(key = "demand.patience_days", source = "assumption, prior: uniform 60-720 days (no published figure)",
            unit = "days", min = 1, max = 3650,
            doc = "Mean time a buyer keeps looking before giving up.")
    private int patienceDays = 180;

    @Param(key = "demand.wtp_boy", unit = "RMB", min = 0, max = 1e7,
            doc = "Median willingness to pay for a boy of a would-be buyer at the national average rural income: what the child is worth to the family. Lognormal across buyers (demand.wtp_sigma), scaled by income^demand.wtp_income_elasticity; not bounded by published prices, which are checks on the model.",
            source = "assumption, prior: 40,000-100,000 (china-facts.md s4: boys sold for 45,000-60,000 at destination, infants resold for 70,000-80,000 in Fujian and Guangdong; a buyer's value is at least what buyers pay)")
    private double wtpBoy = 62_000;

    @Param(key = "demand.wtp_girl", unit = "RMB", min = 0, max = 1e7,
            doc = "Median willingness to pay for a girl, among child seekers who would take one (as demand.wtp_boy).",
            source = "assumption, prior: 10,000-40,000 (china-facts.md s4: girls avg 10,000 in court samples ~2015, 20,000-30,000 in the Liangshan ring 2016)")
    private double wtpGirl = 24_000;

    @Param(key = "demand.wtp_woman", unit = "RMB", min = 0, max = 1e7,
            doc = "Median willingness to pay for a trafficked woman, of bride seekers and commercial exploiters (as demand.wtp_boy).",
            source = "assumption, prior: 25,000-80,000 (china-facts.md s4: trafficked brides 20,000-50,000 around 2008-2010; Vietnamese brides 60,000-100,000 by 2018); the default since session 21 puts the median would-be buyer's value at the top of what buyers were published paying in 2008-2010, 50,000 RMB of 2009, in RMB of 2011: x 6,977 / 5,153.2 (rural net income per person 2011 over 2009, demography-history.csv) = 67,700, rounded to 68,000 (a buyer's value is at least what buyers pay; 42,000 until session 20 put the model's 2008-2010 price under the published range, docs/calibration.md, session 21)")
    private double wtpWoman = 68_000;

    @Param(key = "demand.wtp_sigma", unit = "log-SD", min = 0, max = 3,
            doc = "Spread of willingness to pay across would-be buyers (standard deviation of its log).",
            source = "assumption, prior: 0.3-1.0")
    private double wtpSigma = 0.5;

    @Param(key = "demand.wtp_income_elasticity", unit = "elasticity", min = 0, max = 3,
            doc = "How willingness to pay rises with the buyer's province's income: factor (province income / national)^elasticity.",
            source = "assumption, prior: 0.3-1.0")
    private double wtpIncomeElasticity = 0.5;

    @Param(key = "demand.wtp_son_preference_elasticity", unit = "elasticity", min = 0, max = 3,
            doc = "How what a son is worth to a family that seeks to buy one follows the strength of son preference where and when it lives, measured as the number of child seekers is: the excess sex ratio at birth of the province in that year over the national excess of 2010 (1 in 2010-2011 nationally; about 0.76 in 2015 and 0.63 in 2020 as the national ratio fell from 117.8 to 113.5 and 111.3). The boy's willingness to pay is multiplied by that ratio^elasticity (0: son preference sets only how many seek a son, as before session 19). Girls' and women's are not.",
            source = "assumption, prior: uniform 0-2 (no published figure; 1, the default, makes what a son is worth proportional to son preference as the number who seek one is; the sex ratio at birth is the only yearly measure of son preference in the references, china-facts.md s3)")
    private double wtpSonPreferenceElasticity = 1.0;

    @Param(key = "demand.legal_marriage_cost", unit = "RMB", min = 0, max = 1e7,
            doc = "Median cost to a surplus man's family of a legal marriage (bride price, matchmaker, or a legal marriage migrant from a poorer province or abroad), at the national average income. Lognormal across families (demand.legal_cost_sigma); a family marries legally when that costs less than buying (price plus expected punishment) and less than the bride is worth to it.",
            source = "assumption, prior: 40,000-150,000 (china-facts.md s4: legal bride price in poor rural areas ~150,000 by 2016; Vietnamese brides 60,000-100,000 by 2018)")
    private double legalMarriageCost = 90_000;

    @Param(key = "demand.legal_cost_sigma", unit = "log-SD", min = 0, max = 3,
            doc = "Spread of the cost of a legal marriage across families (standard deviation of its log).",
            source = "assumption, prior: 0.3-1.0")
    private double legalCostSigma = 0.6;

    // ---------------------------------------------------------------- gangs
    @Param(key = "gangs.initial", unit = "gangs", min = 0, max = 100_000,
            doc = "Gangs active nationally when the spin-up begins (before scale), placed by rural poverty and population. An initial condition: entry, exit and busts set the count within the spin-up (init.spin_up_days), so the recorded run starts from the count they keep (china-2011, scale 0.1, seed 1: about 8,000 active in January 2008 and 7,000-8,400 through 2011; 2000-2020: 7,900-10,300 from 1998 to 2010, 5,900-7,500 after).",
            source = "assumption, prior: 2,000-16,000 (no published count of active gangs; 3,195 were broken up in 2011, china-facts.md s1). Sensitivity (china-2011, scale 0.1, ten seeds, session 6, before the spin-up): 9,000 instead of 4,000 moved no 2011 target beyond its noise; 16,000 raised women rescued and victims trafficked by about 4% (docs/ODD.md s5)")
    private int initialGangs = 4000;

    @Param(key = "gangs.members_mean", source = "assumption, prior: uniform 2.5-8 people (no published figure)",
            unit = "people", min = 1, max = 100,
            doc = "Mean number of members of a gang (at least 2).")
    private double membersMean = 4.0;

    @Param(key = "gangs.capacity", source = "assumption, prior: uniform 1-4 victims (no published figure)",
            unit = "victims", min = 1, max = 20,
            doc = "Most victims a gang moves on one trip.")
    private int capacity = 2;

    @Param(key = "gangs.speed_km_per_day", source = "assumption, prior: uniform 200-800 km a day (no published figure)",
            unit = "km per day", min = 10, max = 2000,
            doc = "Distance a gang covers in a day when moving victims between provincial capitals.")
    private double speedKmPerDay = 400;

    @Param(key = "gangs.abduction_success", source = "assumption, prior: uniform 0.05-0.3 a day (no published figure)",
            unit = "probability per day", min = 0, max = 1,
            doc = "Daily chance that a gang trying to abduct a child finds one (before left-behind and vigilance factors).")
    private double abductionSuccess = 0.15;

    @Param(key = "gangs.deception_success", source = "assumption, prior: uniform 0.05-0.25 a day (no published figure)",
            unit = "probability per day", min = 0, max = 1,
            doc = "Daily chance that a gang trying to lure a woman with a false job or marriage offer succeeds, at national average income; higher where poorer.")
    private double deceptionSuccess = 0.12;

    @Param(key = "families.women_open_to_deception", unit = "women per million rural residents per year", min = 0, max = 1e6,
            doc = "Women who would take a trafficker's false offer of a job or a marriage, a year, per million rural residents of a province at national average income (times the province's poverty index). The gangs trying to lure women there share them: a gang's day succeeds with gangs.deception_success x poverty or, if less, these women a day over the gangs' days spent trying there (averaged over market.tightness_days), so where victims are is where the trade can take them from.",
            source = "assumption, prior: log-uniform 40-400 (no published figure; the model deceives about 45 women a year per million rural residents nationally in 2011, so the lower end leaves little slack and the upper end lets the daily chance alone decide where gangs can go; the default, 60, a third above that national rate once poverty is weighed in, binds where gangs crowd and not elsewhere; not fitted: how it moves where women come from is in docs/calibration.md, session 20)")
    private double womenOpenToDeception = 60;

    @Param(key = "families.children_open_to_abduction", unit = "children per million rural residents per year", min = 0, max = 1e6,
            doc = "Children a gang could snatch, a year, per million rural residents of a province at the national share of left-behind children (times the left-behind factor of gangs.abduction_success): the gangs trying to abduct there share them, as gangs luring women share families.women_open_to_deception, so a gang's day succeeds with gangs.abduction_success x the left-behind factor or, if less, these children a day over the gangs' days spent trying there (averaged over market.tightness_days). 0 = no such limit: every gang's day succeeds with the daily chance alone, however many gangs try there (the calibrated model).",
            source = "assumption, off (0) in the calibrated model; prior when on: uniform 10-90 (no published figure; the 30,000-60,000 children reported missing a year from all causes, china-facts.md s6, over about 670 million rural residents bound it above at about 90). Session 27 measured what it does before and after the 2009 campaign (docs/calibration.md, session 27)")
    private double childrenOpenToAbduction = 0;

    @Param(key = "gangs.cross_border_success", source = "assumption, prior: uniform 0.05-0.25 a day (no published figure)",
            unit = "probability per day", min = 0, max = 1,
            doc = "Daily chance that a gang based in a province bordering Vietnam, Laos or Myanmar obtains a woman or child across the border.")
    private double crossBorderSuccess = 0.12;

    @Param(key = "gangs.cross_border_child_factor", unit = "x gangs.cross_border_success", min = 0, max = 1,
            doc = "How much harder it is to bring a child than a woman across the border from Vietnam, Laos or Myanmar: the daily chance for a child is gangs.cross_border_success times this. An infant must be found, carried, hidden and fed across the border; a woman can be lured to walk it.",
            source = "assumption, prior: uniform 0-1 (no published figure); china-facts.md s4 describes a domestic child trade (court samples: children bought in Yunnan, Guangxi, Shanxi, Guizhou; parents selling in 35-40% of child cases; sold or abandoned outnumbering kidnapped children in 2015)")
    private double crossBorderChildFactor = 0.25;


    @Param(key = "gangs.broker_gang_share", unit = "fraction of new child-trade gangs", min = 0, max = 1,
            doc = "Share of new gangs in the child trade that are brokers: they buy children from families who would sell (or across the border) but do not kidnap. 0: every gang would kidnap if that paid best.",
            source = "assumption, prior: uniform 0-0.5 (no published figure; china-facts.md s4: parents sell in 35-40% of child cases in court samples, and in 2015 sold or abandoned children outnumbered kidnapped ones, so brokers who only buy are part of the trade); 0 keeps the model of session 23, with which the shipped calibration was made")
    private double brokerGangShare = 0;

    @Param(key = "gangs.border_ring_share", unit = "fraction of new women's-trade gangs near a border", min = 0, max = 1,
            doc = "Share of new gangs in the trade in women, among those that can reach a province bordering Vietnam, Laos or Myanmar, that are border rings: with partners abroad, they bring women only across the border and do not lure women at home. 0: every gang lures women at home if that pays best.",
            source = "assumption, prior: uniform 0-0.5 (no published figure; china-facts.md s4: Vietnamese brides 60,000-100,000 RMB by about 2018; the 2011 MPS report names cross-border smuggling); 0 keeps the model of session 23, with which the shipped calibration was made")
    private double borderRingShare = 0;

    @Param(key = "gangs.trip_cost_per_day", source = "assumption, prior: uniform 100-600 RMB a day (no published figure)",
            unit = "RMB per day", min = 0, max = 1e5,
            doc = "Running cost of a gang while it moves or waits with victims.")
    private double tripCostPerDay = 300;

    @Param(key = "gangs.risk_aversion", unit = "RMB per unit of risk", min = 0, max = 1e7,
            doc = "How much expected profit a gang gives up to avoid one expected bust; drives re-routing around risky provinces.",
            source = "calibrated (docs/calibration.md); 280,000 in session 13 (with police.bust_probability 0.32, which sets busts per solved case: at 350,000 and 0.28 the national check had busts 10% under the target and solved cases 13% over): abduction, riskier than buying, has to carry the child trade that foreign brokers carried before (docs/calibration.md, session 13: refit by hand when the foreign broker began to be paid a share of the going rate)")
    private double riskAversion = 280_000;

    @Param(key = "gangs.learning_rate", unit = "fraction", min = 0, max = 1,
            doc = "Weight of the latest observed enforcement risk when a gang updates its belief about a province.",
            source = "china-facts.md s5: NarcoLogic (PNAS 2019) learning rates 0.55-0.66")
    private double learningRate = 0.6;

    @Param(key = "gangs.replan_days", unit = "days", min = 1, max = 365,
            doc = "How long an idle gang that found no trip worth making waits before weighing its options again (a gang does not re-examine every route, source and market every day).",
            source = "assumption, prior: uniform 1-30 days")
    private int replanDays = 7;

    @Param(key = "gangs.idle_days_before_leaving", unit = "days", min = 1, max = 3650,
            doc = "How long a gang stays in the trade while finding no trip worth making: after that many idle days its members go back to other work (counted in gangs_quit), whatever the trade pays other gangs of its province. Without it a gang that had money left stayed idle for good, and the gang count kept climbing for years (2000-2020 run: 3,800 active in 1998 -> 17,900 in 2008, most of them idle).",
            source = "assumption, prior: uniform 90-365 days (no published figure; half a year is the span the model used before to break up an idle gang that had run out of money)")
    private int idleDaysBeforeLeaving = 180;

    @Param(key = "gangs.plan_noise", unit = "log-SD", min = 0, max = 2,
            doc = "Spread of a gang's misjudgement of each option's value when it plans: each option's expected value is multiplied by a lognormal factor with median 1 and this log-SD (always positive, so a loss never looks like a gain).",
            source = "assumption, prior: uniform 0.1-0.5 (0.25 as the factor 1 + 0.25 N(0,1) it replaces)")
    private double planNoise = 0.25;

    @Param(key = "gangs.recruit_rate", unit = "groups per million people per year", min = 0, max = 10_000,
            doc = "Groups of would-be traffickers who weigh going into the trade, per million people per year at the national average rural income; more where poorer (factor poverty^families.poverty_elasticity). Each enters only if the trade's expected yearly profit beats its members' outside income plus the expected sanction.",
            source = "assumption, prior: 2-50")
    private double recruitRate = 12.0;

    @Param(key = "gangs.reservation_income", unit = "RMB per member per year", min = 0, max = 1e7,
            doc = "What a gang member could earn outside the trade per year, at the national average rural income (scaled by the home province's income); lognormal across groups by gangs.reservation_sigma.",
            source = "assumption, prior: 6,000-30,000 (rural income per head c. 2010, ~5,900 RMB, to a migrant worker's yearly wage); value from the national refit by hand after the going rate stopped following single sales, four seeds per step then 10 replicates (docs/calibration.md, session 5, 2026-11-30); 12,000 from the refit by hand (docs/calibration.md, session 10); 10,500; refit by hand in session 11 when every amount of money began to follow national incomes (docs/calibration.md, session 11); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15); refit by hand in session 29 to 10,500 with market.price_adjustment 0.006 (ten national replicates of the 2011 scenario, four from 1998; docs/calibration.md, session 29)")
    private double reservationIncome = 10_500;

    @Param(key = "gangs.reservation_sigma", unit = "log-SD", min = 0, max = 3,
            doc = "Spread of outside options across would-be traffickers (standard deviation of the log): some are desperate, some have good alternatives.",
            source = "assumption, prior: 0.5-1.5")
    private double gangReservationSigma = 1.0;

    @Param(key = "gangs.prison_year_cost", unit = "x reservation income", min = 0, max = 100,
            doc = "How much a member dreads a year in prison, in years of outside income. With courts.indictment_share, courts.sentenced_share and courts.sentence_years it prices the expected sanction that deters recruits and makes gangs quit.",
            source = "assumption, prior: 1-10; 3 until session 23, then 6 when courts.indictment_share (0.5) entered the sanction, so that the expected sanction per arrest that the 2011 calibration had fitted stays the same (docs/calibration.md, session 23)")
    private double prisonYearCost = 6.0;

    @Param(key = "gangs.profit_learning", unit = "fraction per month", min = 0, max = 1,
            doc = "Weight of the latest month's trading profit per gang when would-be traffickers and gangs update what they think the trade pays (exponential moving average).",
            source = "assumption, prior: 0.1-0.6 (word of mouth about earnings spreads over months)")
    private double profitLearning = 0.2;

    @Param(key = "courts.indictment_share", unit = "probability", min = 0, max = 1,
            doc = "Chance that the procuratorate takes the suspects arrested together at one bust or border stop to court as a trafficking case; the others are released for want of evidence, charged with lesser crimes, or tried within another case.",
            source = "assumption, prior: uniform 0.2-1.0 (no published figure); 0.5 fitted by hand to the courts' 1,544 trafficking cases a year in 2010-2014 (china-facts.md s2; docs/calibration.md, session 23)")
    private double indictmentShare = 0.5;

    @Param(key = "courts.sentenced_share", unit = "probability", min = 0, max = 1,
            doc = "Chance that an arrested gang member taken to court is sentenced.",
            source = "assumption, prior: 0.4-0.9 (china-facts.md s2: courts 2010-2014 sentenced ~1.7 people per concluded case)")
    private double sentencedShare = 0.6;

    @Param(key = "courts.sentence_years", unit = "years", min = 0, max = 30,
            doc = "Mean prison sentence of a sentenced trafficker.",
            source = "china-facts.md s2: 56.6% of those sentenced 2010-2014 got 5 years or more; mean 5.3 assumes 7.5 years above 5 and 2.5 below")
    private double sentenceYears = 5.3;

    @Param(key = "gangs.offer_share", unit = "fraction of the destination price", min = 0, max = 1,
            doc = "Share of the expected destination price a broker offers parents for a child.",
            source = "assumption, prior: 0.15-0.6 (china-facts.md s4: infants bought for 10,000-30,000 and resold for 70,000-80,000, a 3-8x markup; boys sold for 45,000-60,000)")
    private double offerShare = 0.35;

    @Param(key = "gangs.reform_probability", source = "assumption, prior: uniform 0.1-0.6 (no published figure)",
            unit = "probability", min = 0, max = 1,
            doc = "Chance that members who escaped arrest re-form a gang after a bust.")
    private double reformProbability = 0.3;

    @Param(key = "gangs.arrest_share", source = "assumption, prior: uniform 0.5-1 (no published figure)",
            unit = "fraction", min = 0, max = 1,
            doc = "Share of a gang's members arrested when it is busted.")
    private double arrestShare = 0.8;

    @Param(key = "gangs.sell_patience_days", source = "assumption, prior: uniform 7-60 days (no published figure)",
            unit = "days", min = 1, max = 365,
            doc = "Days a gang waits at a destination for a buyer before trying another market.")
    private int sellPatienceDays = 20;

    // ---------------------------------------------------------------- police
    @Param(key = "police.per_10k", unit = "police per 10,000 people", min = 0, max = 100,
            doc = "Police strength in every province.",
            source = "china-facts / provinces-sources.md: about 11 per 10,000 (MPS via China Daily, 2007)")
    private double policePer10k = 11;

    @Param(key = "police.trafficking_share", unit = "fraction", min = 0, max = 1,
            doc = "Share of all police working against trafficking on an ordinary day, outside campaigns.",
            source = "no published figure: chosen so that routine effort is half the 2011 effort the calibration found (0.005 x 1.2, the 2011 level of the decaying campaign of sessions 3-8), since the 2009 campaign, now sustained, doubles it (docs/calibration.md, \"A campaign that lasts\"); prior: log-uniform 0.001-0.01")
    private double traffickingShare = 0.003;

    @Param(key = "police.budget", unit = "x baseline", min = 0, max = 10,
            doc = "Anti-trafficking police budget relative to the baseline; multiplies the number of officers. Use it to compare strategies at equal cost.",
            source = "scenario lever")
    private double budget = 1.0;

    @Param(key = "police.allocation", doc = "Rule that shares officers among provinces; re-evaluated monthly.",
            source = "scenario lever")
    private Allocation allocation = Allocation.POPULATION;

    @Param(key = "police.patrol_share", unit = "fraction", min = 0, max = 1,
            doc = "Share of anti-trafficking officers on patrol and interdiction (checks on roads, stations).")
    private double patrolShare = 0.3;

    @Param(key = "police.investigation_share", unit = "fraction", min = 0, max = 1,
            doc = "Share of anti-trafficking officers investigating cases.")
    private double investigationShare = 0.5;

    @Param(key = "police.dna_share", unit = "fraction", min = 0, max = 1,
            doc = "Share of anti-trafficking officers on DNA sampling, records and reunification.")
    private double dnaShare = 0.1;

    @Param(key = "police.buyer_share", unit = "fraction", min = 0, max = 1,
            doc = "Share of anti-trafficking officers searching for bought victims at buyers' homes.")
    private double buyerShare = 0.1;

    @Param(key = "police.interception_efficiency", unit = "per officer per million people per day", min = 0, max = 10,
            doc = "Daily chance, per patrol officer per million inhabitants, of stopping a gang moving victims through the province.",
            source = "calibrated: national refit with 2 replicates (docs/calibration.md, session 3, 2026-11-30); prior log-uniform 0.0001-0.003; 0.0007 from the refit by hand (docs/calibration.md, session 10); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15)")
    private double interceptionEfficiency = 0.000467;

    @Param(key = "police.investigation_efficiency", unit = "cases per investigator per day", min = 0, max = 10,
            doc = "Cases an investigator can close per day when fully occupied.",
            source = "calibrated; prior log-uniform 0.005-0.5 (assumption). Refit in session 10 from 0.017 to 0.085: at 0.017 investigators were swamped, each gang's chance of being caught fell as the trade grew, and the run drifted for a decade from any start; at 0.085 capacity rarely binds and cases without a trail (police.case_lead_share) set the share solved (docs/calibration.md, session 10); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15)")
    private double investigationEfficiency = 0.0922;

    @Param(key = "police.case_lead_share", unit = "probability", min = 0, max = 1,
            doc = "Chance that a case police must trace (a missing report, tip, lead or a victim found with a buyer) has a trail investigators can follow; the others stay open until their gang is caught some other way or they go cold. A gang stopped with its victims always can be.",
            source = "assumption, prior uniform 0.5-1.0: no published figure; 2011 solved 10,680 cases of 13,964 registered (76%, china-facts s1), some of them older cases; 0.6 from the national refit by hand (docs/calibration.md, session 10); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15); refit by hand in session 29 to 0.68 with market.price_adjustment 0.006 (ten national replicates of the 2011 scenario, four from 1998; docs/calibration.md, session 29)")
    private double caseLeadShare = 0.68;

    @Param(key = "police.min_case_days", source = "assumption, prior: uniform 10-90 days (no published figure)",
            unit = "days", min = 1, max = 3650,
            doc = "How long a case takes when investigators have time for it; with many open cases each takes longer (capacity is shared).")
    private int minCaseDays = 30;

    @Param(key = "police.bust_probability", unit = "probability", min = 0, max = 1,
            doc = "Chance that solving a case also catches the gang behind it (members often scatter after a sale).",
            source = "calibrated; 0.25 from the refit by hand (docs/calibration.md, session 10), 0.28; refit by hand in session 11 when every amount of money began to follow national incomes (docs/calibration.md, session 11); prior uniform 0.1-0.5 (assumption); 0.32 in session 13, with gangs.risk_aversion 280,000 (docs/calibration.md, session 13)")
    private double bustProbability = 0.32;

    @Param(key = "police.linked_case_probability", unit = "probability", min = 0, max = 1,
            doc = "Chance that each other open case against a busted gang is solved with the bust (the evidence links it).",
            source = "calibrated (docs/calibration.md)")
    private double linkedCaseProbability = 0.175;

    @Param(key = "police.child_registration", unit = "probability", min = 0, max = 1,
            doc = "Chance that police register a missing-child report as a case at once; an unregistered report is looked into with police.inquiry_probability and registered only if solved (bu po bu li, 'no registration without solving'). The default is the practice before the 2009 campaign, in which every shipped scenario starts: no immediate filing (with police.inquiry_probability 0.05 then, one unfiled report in twenty was worked). The campaign introduced immediate filing of missing-child cases, so the shipped scenarios' timelines set 1 from 2009-04-09.",
            source = "assumption, prior: uniform 0-0.7 before Apr 2009 (no published figure; the default, 0, was fitted with the inquiry share: c. 2007 only 2,000-3,000 cases of sold women and children were reported a year, china-facts.md s6, and 2000-2007 saw about 44,000 cases and 130,000 rescued, docs/calibration.md session 15); 1 from 2009-04-09 (china-facts.md s2: immediate case filing for missing children)")
    private double childRegistration = 0.0;

    @Param(key = "police.woman_registration", unit = "probability", min = 0, max = 1,
            doc = "Chance that police register a report of a missing (deceived or abducted) woman as a case at once; otherwise it is looked into with police.inquiry_probability and registered only if solved (bu po bu li). The 2009 immediate filing was for children only.",
            source = "assumption, prior: uniform 0.2-1.0 (no published figure); value from the national refit by hand after the flow-based market (docs/calibration.md, session 4), kept in the refit of session 5 (2026-11-30); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15)")
    private double womanRegistration = 0.35;

    @Param(key = "police.inquiry_probability", unit = "probability", min = 0, max = 1,
            doc = "Chance that police still look into a missing report they did not register (an inquiry: worked like a case, registered and counted only if solved); otherwise the report is turned away and never investigated. The default is the practice before the 2009 campaign (unfiled reports were seldom worked: one in ten; docs/calibration.md, sessions 15 and 18); the shipped scenarios' timelines set 0.5 from 2009-04-09.",
            source = "assumption, prior: uniform 0-1 (no published figure); 0.1 before Apr 2009 (the default), fitted to the pre-2009 level (about 130,000 rescued and 44,000 cases in 2000-2007, china-facts.md s6; 0.05 in sessions 15-17, docs/calibration.md, session 15; 0.1 in session 18, when brokers began to plan with their share of the families who would sell and the pre-2009 trade of children shrank: 0.05 gave 108,500 rescued nationally, 0.1 128,400 at scale 0.3, docs/calibration.md, session 18); 0.5 from the campaign on (the shipped timelines; the default until session 15, an assumption with the same prior)")
    private double inquiryProbability = 0.1;

    @Param(key = "police.merge_probability", unit = "probability", min = 0, max = 1,
            doc = "Chance that police link a new report, tip, lead or stop about a gang they already have an open case against to that case (serial-case merging, chuan bing an): it adds its victim to the case instead of opening a new one, so a case is a gang's criminal event, not a victim.",
            source = "assumption, prior: uniform 0.2-0.9 (no published figure; china-facts.md s1: 2011 had about 1.7 rescues per registered case); calibrated: refit after the settled start of session 7 (buyers start at the risk their enforcement implies): bobyqa at scale 0.1 (4 seeds) then at national scale (2 seeds), checked over 10 national replicates (docs/calibration.md, 2026-12-01); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15)")
    private double mergeProbability = 0.45;

    @Param(key = "police.case_expiry_days", source = "assumption, prior: uniform 180-730 days (no published figure)",
            unit = "days", min = 1, max = 7300,
            doc = "An unsolved case goes cold after this many days.")
    private int caseExpiryDays = 365;

    @Param(key = "police.trace_sold_probability", unit = "probability", min = 0, max = 1,
            doc = "Chance that, when a gang is busted, each victim it sold earlier is traced to the buyer and rescued.",
            source = "calibrated: national refit with 2 replicates (docs/calibration.md, session 3, 2026-11-30); prior: uniform 0.05-0.6 (assumption); 0.6, the top of the prior, from the refit by hand (docs/calibration.md, session 10)")
    private double traceSoldProbability = 0.6;

    @Param(key = "police.buyer_search_efficiency", unit = "rescues per officer per year", min = 0, max = 1000,
            doc = "Victims held by buyers that an officer on buyer enforcement finds per year, when such victims are common.",
            source = "calibrated (docs/calibration.md)")
    private double buyerSearchEfficiency = 0.6534;

    @Param(key = "police.search_saturation", unit = "victims per officer", min = 0.1, max = 10_000,
            doc = "Victims held by buyers (or, for DNA matching, children on file) per searching officer at which officers find half as many as their capacity allows; with fewer such victims per officer, finds fall in proportion (each is harder to come across).",
            source = "assumption, prior: log-uniform 10-200 (no published figure); 10, the low end, from the national refit by hand after the flow-based market (docs/calibration.md, session 4), kept in the refit of session 5 (2026-11-30), with dna.search_efficiency at its prior's top, to reach 500-700 DNA identifications")
    private double searchSaturation = 10;

    @Param(key = "police.trace_depth", unit = "sales", min = 0, max = 1000,
            doc = "How many of a busted gang's most recent sales its records and members' memories can lead police to; each is traced to the buyer with police.trace_sold_probability.",
            source = "assumption, prior: uniform 5-30 sales; default 20 is the value the 2011 calibration was run with (no published figure)")
    private int traceDepth = 20;

    @Param(key = "police.campaign_ramp_days", unit = "days", min = 1, max = 730,
            doc = "Time constant of organising a campaign: the extra effort police actually put in follows the campaign's schedule with this lag, building up over weeks to months after the start and winding down after the end (63% of the change in this many days).",
            source = "assumption, prior: uniform 14-120 days (china-facts.md s2: specialised campaigns last 3-6 months, so organising takes a fraction of that)")
    private double campaignRampDays = 45;

    @Param(key = "police.lead_probability", source = "assumption, prior: uniform 0.1-0.6 (no published figure)",
            unit = "probability", min = 0, max = 1,
            doc = "Chance that a bust yields a lead to each gang the busted gang traded with, opening a case against it.")
    private double leadProbability = 0.3;

    // ---------------------------------------------------------------- DNA, tips, buyers, border
    @Param(key = "dna.enabled", doc = "Whether the national DNA database of missing children is running.",
            source = "china-facts.md s2: started with the 9 Apr 2009 campaign")
    private boolean dnaEnabled = false;

    @Param(key = "dna.search_efficiency", unit = "matches per DNA officer per year", min = 0, max = 1000,
            doc = "Children living with buyers whose parents are in the database that one DNA officer identifies per year, when such children are common.",
            source = "calibrated to DNA identifications, roughly 500-700 a year 2010-2015 (china-facts.md s2), the only figure this process answers to: set in session 8 when parents of children taken before they were on file began to come forward (dna.backlog_uptake): with that backlog the matchable children are many and identifications are bound by the DNA officers' capacity, not by new abductions (scale 0.1, ten seeds: 2 gave 666 a year in 2011, 5 gave 1,448; before the backlog, 100 gave 398, the pool of matchable children emptied as fast as it filled) (docs/calibration.md, session 8); prior log-uniform 0.3-30 (assumption); 1.3 from the refit by hand (docs/calibration.md, session 10); 1.8 refit by hand in session 11 when every amount of money began to follow national incomes (docs/calibration.md, session 11); 2.2 in session 12 with the restocked spin-up (docs/calibration.md, session 12); 1.0 in session 13, with four times as many abducted children on file (docs/calibration.md, session 13: refit by hand when the foreign broker began to be paid a share of the going rate); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15)")
    private double dnaSearchEfficiency = 0.75;

    @Param(key = "dna.parent_sample_probability", source = "assumption, prior: uniform 0.5-0.95 (no published figure)",
            unit = "probability", min = 0, max = 1,
            doc = "Chance that parents reporting a missing child give a DNA sample.")
    private double parentSampleProbability = 0.7;

    @Param(key = "dna.backlog_uptake", unit = "per year", min = 0, max = 10,
            doc = "Yearly hazard that the parents of a child abducted while their DNA was not on file (before the database ran, or who gave no sample then) come forward and give one, while the database runs: the child, if still with a buyer, becomes matchable. 0 = only parents sampled when the child was taken are ever on file (a 2009 database then matches almost nobody for years).",
            source = "assumption, prior: uniform 0.05-1 per year (no published uptake; the database took historical cases from 2009, and its identifications grew steadily, 298 by Nov 2009, 1,040 by Apr 2011, over 3,800 by Sep 2015, china-facts.md s2, rather than jumping when it opened)")
    private double dnaBacklogUptake = 0.2;

    @Param(key = "tips.enabled", doc = "Whether the public tip channel (MPS Weibo from 2011; the Tuanyuan alert app from 2016) is running.",
            source = "china-facts.md s2: Weibo tips from Jan 2011")
    private boolean tipsEnabled = false;

    @Param(key = "tips.reach", source = "assumption, prior: uniform 0.01-0.15 (no published figure)",
            unit = "probability per sale", min = 0, max = 1,
            doc = "Chance that a member of the public notices a sale and sends a tip that opens a case.")
    private double tipsReach = 0.05;

    @Param(key = "tips.accuracy", source = "assumption, prior: uniform 0.1-0.6 (no published figure)",
            unit = "fraction", min = 0, max = 1,
            doc = "Share of tips that point at a real trafficking case (the rest waste investigators' time).")
    private double tipsAccuracy = 0.3;

    @Param(key = "tips.alert_enabled", doc = "Whether missing-child alerts are broadcast to the public (the Tuanyuan app, from 15 May 2016).",
            source = "china-facts.md s2: Tuanyuan app from 15 May 2016; 4,801 alerts in five years, 98% found")
    private boolean alertEnabled = false;

    @Param(key = "tips.alert_recovery", source = "assumption, prior: uniform 0.1-0.5 (no published figure)",
            unit = "probability", min = 0, max = 1,
            doc = "Chance that a reported abduction broadcast as an alert leads to the child being found before the gang gets away.")
    private double alertRecovery = 0.3;

    // ---------------------------------------------------------------- joint operations
    @Param(key = "joint.per_year", unit = "operations per year", min = 0, max = 365,
            doc = "Joint cross-provincial operations directed by the Ministry per year (at scale 1). 0 = none.",
            source = "china-facts.md s2: joint operations of Jul 2011, Nov 2011, Mar 2012, Mar 2013")
    private double jointPerYear = 0;

    @Param(key = "joint.provinces", unit = "provinces", min = 1, max = 31,
            doc = "Provinces taking part in each joint operation (the province with most open cases and its neighbours, outwards).",
            source = "china-facts.md s2: 10-20 provinces per operation (14 in Jul 2011 and Mar 2012)")
    private int jointProvinces = 14;

    @Param(key = "joint.officers", unit = "officers", min = 0, max = 100_000,
            doc = "Police mobilised by each joint operation (at scale 1), for its duration.",
            source = "china-facts.md s2: >5,000 (Nov 2011), >7,000 (Mar 2012), >6,000 (Mar 2013)")
    private double jointOfficers = 6000;

    @Param(key = "joint.duration_days", unit = "days", min = 1, max = 365,
            doc = "How long the officers of a joint operation work together.")
    private int jointDurationDays = 30;

    @Param(key = "joint.takedown_efficiency", unit = "gangs per officer-day", min = 0, max = 1,
            doc = "Daily chance that each gang of the ring an operation is working on is taken down is 1 - exp(-efficiency x officers / ring gangs still at large).",
            source = "calibrated to the templates' 310-608 suspects per operation (china-facts.md s2), with joint.link_depth: national refit by hand after the flow-based market (docs/calibration.md, session 4), kept in the refit of session 5 (2026-11-30); prior log-uniform 0.0003-0.003 (assumption); refit in session 15 after the pre-2009 police practice entered the scenarios (bobyqa at scale 0.1, then by hand; docs/calibration.md, session 15)")
    private double jointTakedownEfficiency = 0.001648;

    @Param(key = "joint.max_gangs", unit = "gangs at scale 1", min = 1, max = 10_000,
            doc = "Reach of one joint operation: most gangs it can take down over all the rings it goes after (times scale, at least 1). A ring is the gang police know most about in the operation's provinces and the partners linked to it there, up to joint.link_depth links away.",
            source = "calibrated to the templates' 310-608 suspects and 4-5 rings per operation (china-facts.md s2; at about 2.8 arrested per busted gang, 110-220 gangs): the reach of 100 bound every 2011 operation at 280 suspects; 150 gave 420 (docs/calibration.md, session 3, 10 replicates); 120 after the national refit by hand after the flow-based market (docs/calibration.md, session 4), kept in the refit of session 5 (2026-11-30); 128 in session 14 with joint.link_depth 7 (national, 6 replicates: 9.8 rings and 726 suspects for the two 2011 operations; docs/calibration.md, session 14); 150 in session 18, when brokers began to plan with their share of the families who would sell (ten national replicates: 7.1 rings and 723 suspects with 128, 8.9 and 858 with 150; link depth 6 gave 11.3 rings; docs/calibration.md, session 18); 145 in session 19, when what a son is worth began to follow son preference (ten national replicates: 10.2 rings, SD 4.1, with 150; 7.4 with 140; 9.2 and 811 suspects with 145: the ring count's spread across replicates is as wide as the range; docs/calibration.md, session 19); 147 in session 20, when gangs began to share the women of a province who would take a false offer (ten national replicates: 7.5 rings, SD 2.8, with 145; 10.9, SD 4.4, with 150; 8.5, SD 3.9, and 839 suspects with 147: within the noise of ten replicates, as in session 19; docs/calibration.md, session 20); 128 in session 28, with joint.link_depth 6, measured per operation over the 2000-2020 run's operations (two a year from Jul 2011, about nineteen a run) instead of 2011's two: with depth 7 and reach 147 operations broke 3.3-3.8 rings each (ten national replicates), with depth 6 and reach 125 4.98 (2011-2020) and 4.16 (2012-2013) and 353-356 suspects, with reach 132 4.82 and 4.65 and 376-408 suspects (six national replicates each; docs/calibration.md, session 28); 118 in session 29, after market.price_adjustment 0.006 (ten national replicates: 10.2 rings in 2011 with 128, 8.7 and 692 suspects with 118; docs/calibration.md, session 29); prior uniform 20-200 (assumption)")
    private int jointMaxGangs = 118;

    @Param(key = "joint.link_depth", unit = "links", min = 0, max = 20,
            doc = "How many partner links away from the first gang an operation follows its ring (0 = that gang only): the size of a ring as police see it.",
            source = "calibrated to the templates' four rings (Mar 2012) and 5 gangs (Mar 2013) per operation (china-facts.md s2), with joint.takedown_efficiency: national refit with 2 replicates (docs/calibration.md, session 3, 2026-11-30); refit in session 8 when gangs that long find nothing worth doing leave (gangs.idle_days_before_leaving): with more turnover the partner network is sparser and rings at depth 4 smaller, so operations broke 18 rings in 2011 against the templates' 8-10 (national, 2 replicates; depth 5: 12, 6: 11.5, 7: 8 over 4 replicates, 8: 4.5); 6 in session 9, when the sustained 2009 campaign left depth 7 at 5.9 rings (national, 10 replicates; 6 gave 8.5 over 10); 7 in session 14, when depth 6 broke 12.7 rings in the two 2011 operations (6 replicates; 13 in the 4 of the patterns run) and depth 7 broke 7.0 at reach 120, 10.25 at 135, 11.75 at 150 and 9.8 at 128 (national, 4-6 replicates; docs/calibration.md, session 14); 6 in session 28, when rings were first counted over many operations (the 2000-2020 run's two a year from Jul 2011): depth 7 broke 3.3-3.8 rings per operation (ten national replicates), 6 broke 5.5-6.4 and 5 broke 7.1-7.3 at reach 147 (six each), and 6 at reach 125-132 broke 4.2-5.0 (docs/calibration.md, session 28); prior uniform integer 1-10 (assumption)")
    private int jointLinkDepth = 6;

    // ---------------------------------------------------------------- victims held by buyers
    @Param(key = "held.escape_rate", unit = "per year", min = 0, max = 10,
            doc = "Rate per year at which a woman held by a buyer escapes (she leaves the stock police can find; she is not counted as rescued).",
            source = "assumption, prior: uniform 0.01-0.15 (no published figure)")
    private double heldEscapeRate = 0.05;

    @Param(key = "held.release_rate", unit = "per year", min = 0, max = 10,
            doc = "Rate per year at which buyers let a bought woman or child go, sell her or him on, or move out of police reach.",
            source = "assumption, prior: uniform 0.01-0.1 (no published figure)")
    private double heldReleaseRate = 0.03;

    @Param(key = "held.death_rate", unit = "per year", min = 0, max = 1,
            doc = "Death rate per year of victims held by buyers.",
            source = "assumption, prior: uniform 0.001-0.01 (no published figure for trafficked victims)")
    private double heldDeathRate = 0.003;

    @Param(key = "held.child_findable_years", unit = "years", min = 0.1, max = 30,
            doc = "Years after the sale during which a bought child can still be found as an abducted or bought child; afterwards the child has grown up in the buyer's family and leaves the stock (DNA matches included).",
            source = "assumption, prior: uniform 5-14 years (children are mostly sold as infants; Chinese criminal law counts children as under 14)")
    private double heldChildFindableYears = 10;

    @Param(key = "buyers.prosecution_probability", unit = "probability", min = 0, max = 1,
            doc = "Chance that a buyer found holding a bought victim (each rescue from a buyer) is prosecuted.",
            source = "calibrated to buying cases per trafficking case solved, 959 / 8,740 = 0.11 Apr 2009-May 2010 (china-facts.md s2), by hand in session 8: until then 0.11 itself was used as the chance per buyer found, but rescues from buyers are about 1.7 per case solved, so the model prosecuted 0.19-0.20 buyers per case solved; 0.064 gives 0.114 (2011, scale 0.1, ten seeds); 0.054 in session 11, when the national ratio over Apr 2009-May 2010 was 0.131 (crackdown patterns, 4 national replicates) and 0.054 gave 0.109 (six replicates at scale 0.1, 2000-2020 run); prior uniform 0.02-0.3 (assumption); 0.044 in session 16: after the pre-2009 practice and its refit the 2009-2010 ratio was 0.134 nationally (crackdown patterns, four replicates), above the accepted 0.094-0.127; 0.044 gives 0.112 at scale 0.1 (china-2000-2020, four seeds) and moves no 2011 target by more than 2% (six seeds)")
    private double prosecutionProbability = 0.044;

    @Param(key = "buyers.sanction_cost", unit = "RMB", min = 0, max = 1e7,
            doc = "What being prosecuted costs a buying household, in RMB-equivalent, at buyers.liability 1 (fines, detention, shame). A would-be buyer's expected punishment is liability x sanction_cost x the chance of prosecution over buyers.horizon_years at the perceived yearly rate.",
            source = "assumption, prior: 10,000-200,000")
    private double sanctionCost = 60_000;

    @Param(key = "buyers.horizon_years", unit = "years", min = 0, max = 50,
            doc = "Years over which a buyer expects to be exposed to prosecution and to losing the victim to a rescue (a child grows up; a bride stays).",
            source = "assumption, prior: 3-15")
    private double horizonYears = 8;

    @Param(key = "buyers.liability", unit = "x", min = 0, max = 10,
            doc = "Severity of punishment for buying relative to before 1 Nov 2015 (1 = before; raise it from that date): multiplies buyers.sanction_cost.",
            source = "china-facts.md s2: Criminal Law Amendment IX, 1 Nov 2015")
    private double liability = 1.0;

    @Param(key = "border.control", unit = "probability", min = 0, max = 1,
            doc = "Chance that a cross-border acquisition is stopped at the border (the victim is rescued, the couriers arrested).")
    private double borderControl = 0.1;

    @Param(key = "border.broker_share", unit = "fraction of the destination price", min = 0, max = 1,
            doc = "What a gang pays a broker across the border (Vietnam, Laos, Myanmar) for a woman or child, as a share of the going rate at the destination: brokers abroad sell into the Chinese market, so a boy costs more than a woman there as at home. Below gangs.offer_share because families across the border are poorer than Chinese ones; it sets how much of the trade comes from abroad (docs/calibration.md, session 13). Replaces a flat 8,000 RMB per victim that had no source and made half the children foreign.",
            source = "assumption, prior: uniform 0.05-0.35 (no published figure; at most gangs.offer_share, 0.35, what Chinese parents are offered); 0.25 puts 1-3% of the children and 18-25% of the women sold in 2011 abroad, 0.2 28% and 27%, 0.1 59% and 36%, 0.3 none and 13% (scale 0.1, four seeds, docs/calibration.md, session 13)")
    private double brokerShare = 0.25;

    // ---------------------------------------------------------------- market
    @Param(key = "market.tightness_days", unit = "days", min = 1, max = 365,
            doc = "Days over which traders average the buyers waiting and the victims on offer in a province when they judge how tight its market is (sellers' reservations and bargaining power).",
            source = "assumption, prior: uniform 7-60 days (no published figure; of the order of gangs.sell_patience_days)")
    private double tightnessDays = 30;

    @Param(key = "market.price_adjustment", unit = "per day", min = 0, max = 1,
            doc = "How fast a province's going rate moves where its market does not clear: at most this fraction a day (log scale), up where buyers outnumber the victims on offer, down where victims wait for buyers.",
            source = "calibrated to the campaign's first fourteen months; prior: log-uniform 0.002-0.05 a day (assumption, no published figure). Sensitivity (session 27, scale 0.3, six seeds, docs/reports/price-adjustment-2011): the settled market before the 2009 campaign does not depend on it (trade within 3% over the prior); the 2011 figures do below 0.005, where going rates have not followed the campaign by 2011 (trade -12% at 0.005 and -38% at 0.002, women rescued -17% and -34%), and little from 0.007 to 0.05 (women rescued +10% at 0.05). Cases solved in the campaign's first fourteen months (8,740 published, china-facts.md s2) come to 9,400 at 0.005 and 11,300 at 0.01 with every other value held (session 27); 0.006 in session 29 (from 0.01), with demand.bride_propensity, gangs.reservation_income, police.case_lead_share and joint.max_gangs refit by hand around it: 9,906 cases (ten national replicates from 1998) and every 2011 target met (docs/calibration.md, session 29)")
    private double priceAdjustment = 0.006;

    // ================================================================ accessors
    public Parameters copy() {
        try {
            return (Parameters) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    // The few setters below serve tests (scenarios set keys through ParamSpec). Their range is the
    // one their key's @Param states, read from there as the GUI's sliders (gui.Levers) and the
    // scenario loader read it: stated once (ParameterRangesTest).

    /** {@code v} if it lies in {@code key}'s range; otherwise an IllegalArgumentException. */
    private static double check(String key, double v) {
        ParamSpec s = ParamRegistry.find(key).orElseThrow();
        if (Double.isNaN(v) || v < s.min() || v > s.max()) {
            throw new IllegalArgumentException(key + " must be between " + s.min() + " and " + s.max() + ", got " + v);
        }
        return v;
    }

    public double getScale() { return scale; }
    public void setScale(double v) { scale = check("scale", v); }

    public boolean isSettledStocks() { return settledStocks; }
    public int getSpinUpDays() { return spinUpDays; }
    public int getRestockDays() { return restockDays; }

    public double getBirthRate() { return birthRate; }
    public double getSrbShift() { return srbShift; }
    public double getIncomeGrowth() { return incomeGrowth; }
    public void setSrbShift(double v) { srbShift = check("births.srb_shift", v); }

    public double getSalePropensity() { return salePropensity; }
    public double getPovertyElasticity() { return povertyElasticity; }
    public double getGirlSaleFactor() { return girlSaleFactor; }
    public int getSaleWindowDays() { return saleWindowDays; }
    public double getReservationMedian() { return reservationMedian; }
    public double getReservationSigma() { return reservationSigma; }
    public double getChildReportProbability() { return childReportProbability; }
    public double getWomanReportProbability() { return womanReportProbability; }
    public double getLeftBehindRisk() { return leftBehindRisk; }

    public double getSonPropensity() { return sonPropensity; }
    public double getGirlAcceptShare() { return girlAcceptShare; }
    public double getBridePropensity() { return bridePropensity; }
    public int getMarriageAge() { return marriageAge; }
    public double getCommercialRate() { return commercialRate; }
    public double getIncomeElasticity() { return incomeElasticity; }
    public int getPatienceDays() { return patienceDays; }
    public double getWtpBoy() { return wtpBoy; }
    public double getWtpGirl() { return wtpGirl; }
    public double getWtpWoman() { return wtpWoman; }
    public double getWtpSigma() { return wtpSigma; }
    public double getWtpIncomeElasticity() { return wtpIncomeElasticity; }
    public double getWtpSonPreferenceElasticity() { return wtpSonPreferenceElasticity; }
    public double getLegalMarriageCost() { return legalMarriageCost; }
    public double getWomenOpenToDeception() { return womenOpenToDeception; }
    public double getChildrenOpenToAbduction() { return childrenOpenToAbduction; }
    public double getLegalCostSigma() { return legalCostSigma; }

    public int getInitialGangs() { return initialGangs; }
    public double getMembersMean() { return membersMean; }
    public int getCapacity() { return capacity; }
    public double getSpeedKmPerDay() { return speedKmPerDay; }
    public double getAbductionSuccess() { return abductionSuccess; }
    public double getDeceptionSuccess() { return deceptionSuccess; }
    public double getCrossBorderSuccess() { return crossBorderSuccess; }
    public double getCrossBorderChildFactor() { return crossBorderChildFactor; }
    public double getBrokerGangShare() { return brokerGangShare; }
    public double getBorderRingShare() { return borderRingShare; }
    public double getBrokerShare() { return brokerShare; }
    public double getTripCostPerDay() { return tripCostPerDay; }
    public double getRiskAversion() { return riskAversion; }
    public double getLearningRate() { return learningRate; }
    public double getRecruitRate() { return recruitRate; }
    public double getReservationIncome() { return reservationIncome; }
    public double getGangReservationSigma() { return gangReservationSigma; }
    public double getPrisonYearCost() { return prisonYearCost; }
    public double getIndictmentShare() { return indictmentShare; }
    public double getSentencedShare() { return sentencedShare; }
    public double getSentenceYears() { return sentenceYears; }
    public double getOfferShare() { return offerShare; }
    public double getProfitLearning() { return profitLearning; }
    public double getReformProbability() { return reformProbability; }
    public double getArrestShare() { return arrestShare; }
    public int getSellPatienceDays() { return sellPatienceDays; }

    public double getPolicePer10k() { return policePer10k; }
    public double getTraffickingShare() { return traffickingShare; }
    public double getBudget() { return budget; }
    public void setBudget(double v) { budget = check("police.budget", v); }
    public Allocation getAllocation() { return allocation; }
    public void setAllocation(Allocation a) { allocation = java.util.Objects.requireNonNull(a); }
    public double getPatrolShare() { return patrolShare; }
    public double getInvestigationShare() { return investigationShare; }
    public double getDnaShare() { return dnaShare; }
    public double getBuyerShare() { return buyerShare; }
    public double getInterceptionEfficiency() { return interceptionEfficiency; }
    public double getInvestigationEfficiency() { return investigationEfficiency; }
    public int getMinCaseDays() { return minCaseDays; }
    public double getCaseLeadShare() { return caseLeadShare; }
    public int getCaseExpiryDays() { return caseExpiryDays; }
    public double getChildRegistration() { return childRegistration; }
    public double getWomanRegistration() { return womanRegistration; }
    public double getInquiryProbability() { return inquiryProbability; }
    public double getMergeProbability() { return mergeProbability; }
    public double getBustProbability() { return bustProbability; }
    public double getLinkedCaseProbability() { return linkedCaseProbability; }
    public double getTraceSoldProbability() { return traceSoldProbability; }
    public double getSearchSaturation() { return searchSaturation; }
    public double getBuyerSearchEfficiency() { return buyerSearchEfficiency; }
    public double getLeadProbability() { return leadProbability; }
    public int getTraceDepth() { return traceDepth; }
    public int getReplanDays() { return replanDays; }
    public int getIdleDaysBeforeLeaving() { return idleDaysBeforeLeaving; }
    public double getPlanNoise() { return planNoise; }
    public int getJointMaxGangs() { return jointMaxGangs; }
    public int getJointLinkDepth() { return jointLinkDepth; }
    public double getCampaignRampDays() { return campaignRampDays; }
    public double getHeldEscapeRate() { return heldEscapeRate; }
    public double getHeldReleaseRate() { return heldReleaseRate; }
    public double getHeldDeathRate() { return heldDeathRate; }
    public double getHeldChildFindableYears() { return heldChildFindableYears; }

    public boolean isDnaEnabled() { return dnaEnabled; }
    public void setDnaEnabled(boolean v) { dnaEnabled = v; }
    public double getDnaSearchEfficiency() { return dnaSearchEfficiency; }
    public double getParentSampleProbability() { return parentSampleProbability; }
    public double getDnaBacklogUptake() { return dnaBacklogUptake; }
    public boolean isTipsEnabled() { return tipsEnabled; }
    public void setTipsEnabled(boolean v) { tipsEnabled = v; }
    public double getTipsReach() { return tipsReach; }
    public double getTipsAccuracy() { return tipsAccuracy; }
    public boolean isAlertEnabled() { return alertEnabled; }
    public void setAlertEnabled(boolean v) { alertEnabled = v; }
    public double getAlertRecovery() { return alertRecovery; }
    public double getJointPerYear() { return jointPerYear; }
    public int getJointProvinces() { return jointProvinces; }
    public double getJointOfficers() { return jointOfficers; }
    public int getJointDurationDays() { return jointDurationDays; }
    public double getJointTakedownEfficiency() { return jointTakedownEfficiency; }
    public double getProsecutionProbability() { return prosecutionProbability; }
    public void setProsecutionProbability(double v) { prosecutionProbability = check("buyers.prosecution_probability", v); }
    public double getSanctionCost() { return sanctionCost; }
    public double getHorizonYears() { return horizonYears; }
    public double getLiability() { return liability; }
    public double getBorderControl() { return borderControl; }
    public void setBorderControl(double v) { borderControl = check("border.control", v); }

    public double getTightnessDays() { return tightnessDays; }
    public double getPriceAdjustment() { return priceAdjustment; }
}
