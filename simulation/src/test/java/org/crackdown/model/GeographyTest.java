package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.crackdown.agent.VictimType;
import org.crackdown.outcome.FlowShare;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where victims come from and where they are sold, against what the references name (no share
 * is published, so these are orderings, not ranges): the babies of the March 2012 operation were
 * bought in Yunnan, Guangxi, Shanxi and Guizhou and sold in Shandong and Henan, the 2016 ring took
 * children from Liangshan (Sichuan) to Linyi (Shandong), and infants were sold on in Fujian and
 * Guangdong (china-facts.md s2, s4); women are also brought from Vietnam (Vietnamese brides, s4),
 * and cross-border smuggling of children from Vietnam is one mechanism among several (s1). None of
 * this is an input: gangs choose where to acquire and sell (ODD s7, gang trip). Until session 13,
 * when a broker across the border cost a flat 8,000 RMB, half the children sold were foreign and
 * no woman was.
 *
 * <p>The 2011 baseline at scale 0.05 (TestScenarios), eight seeds, flows of 2011 pooled: the
 * references date from 2010-2018. Until session 16 this ran two quiet years from 2008 on the
 * defaults; since the defaults are the police practice before the 2009 campaign, under which
 * abducted children and lured women, seldom filed and so almost riskless, are every gang's cheapest
 * option, that quiet world buys no child from parents and brings no woman from abroad (four seeds,
 * 2009: 8,246 women, none foreign; the 2000-2020 scenario shows the same before 2009, and bought
 * and foreign victims from the campaign on: docs/calibration.md, session 16).
 */
@Tag("slow")
class GeographyTest {

    private static final Set<String> CHILD_SOURCES = Set.of("CN-YN", "CN-GX", "CN-SX", "CN-GZ", "CN-SC");
    private static final Set<String> CHILD_MARKETS = Set.of("CN-SD", "CN-HA", "CN-FJ", "CN-GD");
    private static final int SEEDS = 8;
    private static final FlowShare FROM_SOURCES =
            FlowShare.parse("origin_share(boy+girl: " + String.join(" ", new java.util.TreeSet<>(CHILD_SOURCES)) + ")");
    private static final FlowShare TO_MARKETS =
            FlowShare.parse("destination_share(boy+girl: " + String.join(" ", new java.util.TreeSet<>(CHILD_MARKETS)) + ")");

    /** Victims sold by origin and destination, pooled over seeds, with the provinces' population shares. */
    private static final class Pooled {
        double children;
        double foreignChildren;
        double childrenFromSources;
        double childrenToMarkets;
        double women;
        double foreignWomen;
        double sourcesPopulationShare;
        double marketsPopulationShare;
        /** Per seed: the share of its children from the named sources, and to the named markets. */
        final org.apache.commons.math3.stat.descriptive.SummaryStatistics fromSources =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        final org.apache.commons.math3.stat.descriptive.SummaryStatistics toMarkets =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();

        static final Pooled RUNS = run();

        private static Pooled run() {
            Pooled out = new Pooled();
            out.sourcesPopulationShare = FROM_SOURCES.populationShare();
            out.marketsPopulationShare = TO_MARKETS.populationShare();
            for (long seed = 1; seed <= SEEDS; seed++) {
                Scenario s = TestScenarios.china2011(0.05, p -> { });
                TraffickingModel m = new TraffickingModel(s, seed);
                m.start();
                while (!m.finished() && m.schedule.step(m)) {
                    // run to the end
                }
                // Each seed's shares as `crackdown patterns` reads them (outcome.FlowShare).
                java.util.List<Metrics.Flow> flows = m.metrics().flows();
                out.fromSources.addValue(FROM_SOURCES.evaluate(flows));
                out.toMarkets.addValue(TO_MARKETS.evaluate(flows));
                for (Metrics.Flow f : flows) {
                    boolean foreign = !f.origin().startsWith("CN-");
                    if (f.type() == VictimType.WOMAN) {
                        out.women += f.count();
                        out.foreignWomen += foreign ? f.count() : 0;
                    } else {
                        out.children += f.count();
                        out.foreignChildren += foreign ? f.count() : 0;
                        out.childrenFromSources += CHILD_SOURCES.contains(f.origin()) ? f.count() : 0;
                        out.childrenToMarkets += CHILD_MARKETS.contains(f.destination()) ? f.count() : 0;
                    }
                }
                m.finish();
            }
            return out;
        }

        @Override
        public String toString() {
            return String.format("children %.0f (abroad %.3f, from the named sources %.3f against %.3f of the population,"
                    + " to the named markets %.3f against %.3f), women %.0f (abroad %.3f)", children,
                    foreignChildren / children, childrenFromSources / children, sourcesPopulationShare,
                    childrenToMarkets / children, marketsPopulationShare, women, foreignWomen / women);
        }
    }

    @Test
    void mostChildrenAreChineseAndSomeWomenComeFromAbroad() {
        Pooled r = Pooled.RUNS;
        System.out.println("GeographyTest: " + r);
        assertTrue(r.children > 200 && r.women > 200, "too few victims to judge: " + r);
        assertTrue(r.foreignChildren / r.children < 0.5, "most children sold came from abroad: " + r);
        assertTrue(r.foreignWomen / r.women > 0.02, "no women from across the border: " + r);
    }

    /**
     * The named sources give, and the named markets take, more children than their share of the
     * population: the mean over seeds of each seed's share exceeds the population share by more
     * than three standard errors of the seed-to-seed spread. (Until session 18 the test asked for
     * 1.2 times the population share, a margin set just under what session 16 measured, 1.21
     * for the markets: with brokers who count their competitors the markets took 1.18 times
     * theirs, still far beyond chance; the references name these provinces, not a margin.)
     */
    @Test
    void childrenComeFromTheNamedSourcesAndGoToTheNamedMarkets() {
        Pooled r = Pooled.RUNS;
        double sourcesSe = r.fromSources.getStandardDeviation() / Math.sqrt(r.fromSources.getN());
        double marketsSe = r.toMarkets.getStandardDeviation() / Math.sqrt(r.toMarkets.getN());
        System.out.printf(java.util.Locale.ROOT, "GeographyTest: named sources %.3f +- %.3f of the children (population"
                + " %.3f, %.2f times), named markets %.3f +- %.3f (population %.3f, %.2f times)%n", r.fromSources.getMean(),
                sourcesSe, r.sourcesPopulationShare, r.fromSources.getMean() / r.sourcesPopulationShare, r.toMarkets.getMean(),
                marketsSe, r.marketsPopulationShare, r.toMarkets.getMean() / r.marketsPopulationShare);
        assertTrue(r.fromSources.getMean() > r.sourcesPopulationShare + 3 * sourcesSe,
                "the named source provinces give no more children than their population: " + r);
        assertTrue(r.toMarkets.getMean() > r.marketsPopulationShare + 3 * marketsSe,
                "the named markets take no more children than their population: " + r);
    }
}
