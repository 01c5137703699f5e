package org.crackdown.gui;

import java.awt.geom.Point2D;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.crackdown.agent.Gang;
import org.crackdown.model.TraffickingModel;

import sim.field.continuous.Continuous2D;
import sim.util.Double2D;

/**
 * The gangs on the map: a MASON {@link Continuous2D} holding one {@link GangMarker} per gang at
 * the capital of the province where the gang is today, spread a little so that gangs in the same
 * province do not hide one another. The spread is fixed per gang (from its id), so a dot only
 * moves when its gang does; it never uses the model's random numbers.
 */
public final class GangField {

    /** Largest spread of the dots around a capital, in degrees of latitude. */
    static final double SPREAD_DEGREES = 1.5;

    private final ChinaMap map;
    private final Continuous2D field = new Continuous2D(40, ChinaMap.WIDTH, ChinaMap.HEIGHT);
    private final Map<Long, GangMarker> markers = new HashMap<>();

    public GangField(ChinaMap map) {
        this.map = map;
    }

    public Continuous2D field() {
        return field;
    }

    public void reset() {
        field.clear();
        markers.clear();
    }

    /** Moves every gang's dot to where the gang is today; drops gangs that are gone. */
    public void update(TraffickingModel m) {
        Set<Long> seen = new HashSet<>();
        for (Gang g : m.gangs()) {
            if (!g.active()) {
                continue;
            }
            seen.add(g.id());
            GangMarker mk = markers.computeIfAbsent(g.id(), id -> new GangMarker(m.network()));
            mk.update(g);
            field.setObjectLocation(mk, position(g.id(), g.location()));
        }
        markers.entrySet().removeIf(e -> {
            if (!seen.contains(e.getKey())) {
                field.remove(e.getValue());
                return true;
            }
            return false;
        });
    }

    public int size() {
        return markers.size();
    }

    /** Where a gang's dot goes when the gang is in {@code province}: a fixed offset per gang. */
    Double2D position(long gangId, int province) {
        Point2D.Double c = map.capital(province);
        // Golden-ratio sequences spread the ids evenly over a disc (sqrt keeps the density even).
        double a = 2 * Math.PI * frac(gangId * 0.6180339887498949);
        double r = SPREAD_DEGREES * map.unitsPerDegree() * Math.sqrt(frac(gangId * 0.7548776662466927 + 0.5));
        return new Double2D(c.x + r * Math.cos(a), c.y + r * Math.sin(a));
    }

    private static double frac(double x) {
        return x - Math.floor(x);
    }
}
