package org.crackdown.space;

import java.util.List;

/**
 * One of the 31 mainland provinces, with the static data of scenarios/data/provinces.csv.
 * Dynamic state (police, markets, families) lives with the agents and processes that own it.
 */
public final class Province implements java.io.Serializable {
    private final int index;
    private final String code;
    private final String nameEn;
    private final String nameZh;
    private final String capital;
    private final double lat;
    private final double lon;
    private final long population;
    private final double ruralIncome;
    private final double srb;
    private final double policePer10k;
    private final double leftBehindSharePct;
    private final List<String> foreignNeighbours;
    /** Fixed by the data; asked by every gang's plan, so worked out once. */
    private final boolean tradeBorder;
    /** The foreign neighbours victims are brought from, in data order (asked per cross-border victim). */
    private final List<String> tradeBorderCountries;
    int[] neighbours = new int[0];

    public Province(int index, String code, String nameEn, String nameZh, String capital, double lat, double lon,
                    long population, double ruralIncome, double srb, double policePer10k,
                    double leftBehindSharePct, List<String> foreignNeighbours) {
        this.index = index;
        this.code = code;
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.capital = capital;
        this.lat = lat;
        this.lon = lon;
        this.population = population;
        this.ruralIncome = ruralIncome;
        this.srb = srb;
        this.policePer10k = policePer10k;
        this.leftBehindSharePct = leftBehindSharePct;
        this.foreignNeighbours = List.copyOf(foreignNeighbours);
        this.tradeBorderCountries = this.foreignNeighbours.stream().filter(ProvinceNetwork.TRADE_BORDER_COUNTRIES::contains)
                .toList();
        this.tradeBorder = !tradeBorderCountries.isEmpty();
    }

    /** Position in {@link ProvinceNetwork#provinces()} and in every per-province array. */
    public int index() { return index; }
    /** ISO 3166-2 code, e.g. CN-YN. */
    public String code() { return code; }
    public String nameEn() { return nameEn; }
    public String nameZh() { return nameZh; }
    public String capital() { return capital; }
    public double lat() { return lat; }
    public double lon() { return lon; }
    /** 2010 census resident population. */
    public long population() { return population; }
    /** Rural per-capita net income, RMB per year (2008; see provinces.sources.csv). */
    public double ruralIncome() { return ruralIncome; }
    /** Sex ratio at birth, boys per 100 girls (about 2010; see provinces.sources.csv). */
    public double srb() { return srb; }
    public double policePer10k() { return policePer10k; }
    /** Share of the nation's rural left-behind children living here, percent. */
    public double leftBehindSharePct() { return leftBehindSharePct; }
    public List<String> foreignNeighbours() { return foreignNeighbours; }
    /** Indices of the provinces one travel leg away (land borders, and the Hainan ferry). */
    public int[] neighbours() { return neighbours.clone(); }

    /** Number of land neighbours; with {@link #neighbour(int)}, a walk over them without a copy (hot loops). */
    public int neighbourCount() { return neighbours.length; }

    public int neighbour(int k) { return neighbours[k]; }

    /** The countries of {@link #foreignNeighbours} from which victims are brought, in the same order. */
    public List<String> tradeBorderCountries() { return tradeBorderCountries; }

    /** Whether the province borders a country from which victims are brought (Vietnam, Laos, Myanmar). */
    public boolean tradeBorder() {
        return tradeBorder;
    }

    @Override
    public String toString() {
        return code;
    }
}
