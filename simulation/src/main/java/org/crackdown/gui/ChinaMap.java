package org.crackdown.gui;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;

/**
 * The geometry of the GUI's map, in field units: each province's outline (from
 * {@link ProvinceOutlines}), where its capital lies, and the grey context units (Taiwan, Hong
 * Kong, Macao) that the model does not simulate. The projection fits all outlines below the band
 * kept for the date. Computed once; read-only afterwards.
 */
public final class ChinaMap {

    /** Size of the display's field. 4:3 suits most projectors. */
    public static final double WIDTH = 1200;
    public static final double HEIGHT = 900;
    /** Room kept free at the top of the field for the date. */
    static final double TOP_BAND = 95;
    /** Sea left around the outlines, in degrees. */
    static final double MARGIN_DEGREES = 0.5;

    private final MapProjection projection;
    private final Point2D.Double[] capitals;
    private final Area[] provinces;
    private final List<Area> context;
    private final Area land;

    private ChinaMap(MapProjection projection, Point2D.Double[] capitals, Area[] provinces, List<Area> context,
            Area land) {
        this.projection = projection;
        this.capitals = capitals;
        this.provinces = provinces;
        this.context = context;
        this.land = land;
    }

    /** The map of the given provinces (in network order) inside the standard field. */
    public static ChinaMap of(ProvinceNetwork net) {
        return of(net, ProvinceOutlines.read());
    }

    static ChinaMap of(ProvinceNetwork net, ProvinceOutlines outlines) {
        Rectangle2D b = outlines.bounds();
        double m = MARGIN_DEGREES;
        Rectangle2D box = new Rectangle2D.Double(10, TOP_BAND, WIDTH - 20, HEIGHT - TOP_BAND - 10);
        MapProjection proj = MapProjection.fit(b.getMinX() - m, b.getMaxX() + m, b.getMinY() - m, b.getMaxY() + m,
                box);

        int n = net.size();
        Point2D.Double[] caps = new Point2D.Double[n];
        Area[] shapes = new Area[n];
        Area land = new Area();
        List<String> simulated = new ArrayList<>();
        for (Province p : net.provinces()) {
            List<double[][]> rings = outlines.rings(p.code());
            if (rings.isEmpty()) {
                throw new IllegalStateException(ProvinceOutlines.FILE + " has no outline for " + p.code());
            }
            caps[p.index()] = proj.project(p.lon(), p.lat());
            shapes[p.index()] = area(rings, proj);
            land.add(shapes[p.index()]);
            simulated.add(p.code());
        }
        List<Area> context = new ArrayList<>();
        for (String code : outlines.codes()) {
            if (!simulated.contains(code)) {
                Area a = area(outlines.rings(code), proj);
                context.add(a);
                land.add(a);
            }
        }
        return new ChinaMap(proj, caps, shapes, List.copyOf(context), land);
    }

    /** The union of a unit's rings: parts that touch (an exclave along a border) merge. */
    private static Area area(List<double[][]> rings, MapProjection proj) {
        Area a = new Area();
        for (double[][] ring : rings) {
            Path2D.Double path = new Path2D.Double();
            for (double[] p : ring) {
                Point2D.Double q = proj.project(p[0], p[1]);
                if (path.getCurrentPoint() == null) {
                    path.moveTo(q.x, q.y);
                } else {
                    path.lineTo(q.x, q.y);
                }
            }
            path.closePath();
            a.add(new Area(path));
        }
        return a;
    }

    public MapProjection projection() {
        return projection;
    }

    /** Where province {@code i}'s capital is drawn. */
    public Point2D.Double capital(int i) {
        return (Point2D.Double) capitals[i].clone();
    }

    /** Province {@code i}'s outline (do not modify). */
    public Shape province(int i) {
        return provinces[i];
    }

    /** Units drawn for context only, without data (do not modify). */
    public List<? extends Shape> context() {
        return context;
    }

    /** All land drawn, for the coast and the national border. */
    public Shape land() {
        return land;
    }

    public int provinces() {
        return capitals.length;
    }

    /** Field units per degree of latitude. */
    public double unitsPerDegree() {
        return projection.unitsPerDegree();
    }
}
