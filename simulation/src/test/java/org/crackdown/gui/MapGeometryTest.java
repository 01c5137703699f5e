package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Area;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The map's projection and province outlines (plain geometry; no display needed). */
class MapGeometryTest {

    static ProvinceNetwork net;
    static ChinaMap map;

    @BeforeAll
    static void build() {
        net = ProvinceNetwork.china();
        map = ChinaMap.of(net);
    }

    private static Point2D.Double at(String code) {
        return map.capital(net.byCode(code).index());
    }

    @Test
    void projectionPutsEastRightNorthUpAndKeepsTheAspect() {
        Rectangle2D box = new Rectangle2D.Double(10, 20, 400, 300);
        MapProjection p = MapProjection.fit(100, 120, 30, 40, box);
        Point2D.Double sw = p.project(100, 30);
        Point2D.Double ne = p.project(120, 40);
        assertTrue(ne.x > sw.x, "east is to the right");
        assertTrue(ne.y < sw.y, "north is up (smaller y)");
        double k = Math.cos(Math.toRadians(35));
        double dx = ne.x - sw.x;
        double dy = sw.y - ne.y;
        assertEquals(20 * k / 10, dx / dy, 1e-9, "a degree of longitude is cos(latitude) of a degree of latitude");
        assertEquals(p.unitsPerDegree(), dy / 10, 1e-9);
        // Fitted: fills one side of the box exactly, centred on the other.
        assertTrue(Math.abs(dx - 400) < 1e-9 || Math.abs(dy - 300) < 1e-9);
        assertEquals(box.getCenterX(), (sw.x + ne.x) / 2, 1e-9);
        assertEquals(box.getCenterY(), (sw.y + ne.y) / 2, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> MapProjection.fit(120, 100, 30, 40, box));
    }

    @Test
    void capitalsLieWhereTheyAreInChina() {
        assertTrue(at("CN-BJ").x > at("CN-XJ").x, "Beijing is east of Urumqi");
        assertTrue(at("CN-HL").y < at("CN-GD").y, "Harbin is north of Guangzhou");
        assertTrue(at("CN-SH").x > at("CN-SC").x, "Shanghai is east of Chengdu");
        assertTrue(at("CN-HI").y > at("CN-GD").y, "Haikou is south of Guangzhou");
        for (int i = 0; i < net.size(); i++) {
            Point2D.Double c = map.capital(i);
            assertTrue(c.x > 0 && c.x < ChinaMap.WIDTH && c.y > ChinaMap.TOP_BAND && c.y < ChinaMap.HEIGHT,
                    net.get(i).code() + " is on the map below the date: " + c);
        }
    }

    @Test
    void everyProvinceHasAnOutlineAroundItsOwnCapital() {
        ProvinceOutlines outlines = ProvinceOutlines.read();
        for (Province p : net.provinces()) {
            List<double[][]> rings = outlines.rings(p.code());
            assertFalse(rings.isEmpty(), p.code() + " has an outline");
            // In degrees, on the file itself, by the test's own point-in-polygon.
            assertTrue(rings.stream().anyMatch(r -> inside(p.lon(), p.lat(), r)),
                    p.code() + "'s capital " + p.capital() + " lies inside its outline");
            for (Province q : net.provinces()) {
                if (q != p) {
                    assertFalse(outlines.rings(q.code()).stream().anyMatch(r -> inside(p.lon(), p.lat(), r)),
                            p.code() + "'s capital lies inside " + q.code());
                }
            }
            // And as drawn.
            assertTrue(map.province(p.index()).contains(map.capital(p.index())), p.code() + " as drawn");
        }
    }

    @Test
    void theOutlinesAreChinaAndNothingElse() {
        ProvinceOutlines outlines = ProvinceOutlines.read();
        Set<String> extra = new TreeSet<>(outlines.codes());
        extra.removeAll(net.codes());
        assertEquals(Set.of("CN-HK", "CN-MO", "CN-TW"), extra, "context units besides the 31 provinces");
        assertEquals(3, map.context().size());
        for (String code : outlines.codes()) {
            for (double[][] ring : outlines.rings(code)) {
                for (double[] v : ring) {
                    // China's extremes: 73.5 E (Pamirs) to 135.1 E (Amur-Ussuri), 18.1 N
                    // (Hainan; the South China Sea islands are not in the source) to 53.6 N (Mohe).
                    assertTrue(v[0] >= 73.4 && v[0] <= 135.2 && v[1] >= 18.0 && v[1] <= 53.7,
                            code + " vertex " + v[0] + "," + v[1] + " lies outside China's bounding box");
                }
            }
        }
        Rectangle2D b = outlines.bounds();
        assertTrue(b.getMinX() < 74 && b.getMaxX() > 134.5 && b.getMinY() < 18.5 && b.getMaxY() > 53,
                "the outlines span China: " + b);
        Rectangle2D drawn = map.land().getBounds2D();
        Rectangle2D field = new Rectangle2D.Double(0, ChinaMap.TOP_BAND, ChinaMap.WIDTH,
                ChinaMap.HEIGHT - ChinaMap.TOP_BAND);
        assertTrue(field.contains(drawn), "the projection fits the outlines below the date: " + drawn);
        assertTrue(drawn.getWidth() > 0.9 * (ChinaMap.WIDTH - 20) || drawn.getHeight() > 0.9 * field.getHeight(),
                "and fills the field: " + drawn);
    }

    @Test
    void bordersInTheOutlinesAreTheModelsNeighbours() {
        ProvinceOutlines outlines = ProvinceOutlines.read();
        for (Province p : net.provinces()) {
            Set<Integer> expected = new TreeSet<>();
            for (int j : p.neighbours()) {
                expected.add(j);
            }
            // The network adds the Qiongzhou Strait ferry; Hainan has no land border.
            if (p.code().equals("CN-HI") || p.code().equals("CN-GD")) {
                expected.remove(net.byCode(p.code().equals("CN-HI") ? "CN-GD" : "CN-HI").index());
            }
            Set<Integer> touching = new TreeSet<>();
            for (Province q : net.provinces()) {
                if (q != p && shareAVertex(outlines.rings(p.code()), outlines.rings(q.code()))) {
                    touching.add(q.index());
                }
            }
            assertEquals(expected, touching, p.code() + ": provinces sharing a border in the outlines "
                    + "are the neighbours in provinces.csv");
        }
    }

    @Test
    void provincesDoNotOverlap() {
        for (int i = 0; i < net.size(); i++) {
            for (int j = i + 1; j < net.size(); j++) {
                Area a = new Area(map.province(i));
                a.intersect(new Area(map.province(j)));
                // The source's borders are not exactly shared everywhere: slivers of up to about
                // 0.01 square degrees, under the border line. A misplaced outline overlaps far more.
                double smaller = Math.min(area(map.province(i)), area(map.province(j)));
                assertTrue(area(a) < 0.01 * smaller, net.get(i).code() + " and " + net.get(j).code()
                        + " overlap by " + area(a) + " square units");
            }
        }
    }

    @Test
    void provincesHaveTheirRelativeSizes() {
        // Areas: Xinjiang 1.66 million km2, Tibet 1.23 million, Beijing 16,400, Shanghai 6,300.
        double xj = area(map.province(net.byCode("CN-XJ").index()));
        double xz = area(map.province(net.byCode("CN-XZ").index()));
        double bj = area(map.province(net.byCode("CN-BJ").index()));
        double sh = area(map.province(net.byCode("CN-SH").index()));
        assertTrue(xj > xz, "Xinjiang is larger than Tibet");
        assertTrue(xj > 50 * bj && xj < 150 * bj, "Xinjiang about 100 Beijings: " + xj / bj);
        assertTrue(bj > 1.5 * sh, "Beijing larger than Shanghai: " + bj / sh);
    }

    private static boolean shareAVertex(List<double[][]> a, List<double[][]> b) {
        Set<List<Double>> points = new HashSet<>();
        for (double[][] ring : a) {
            for (double[] v : ring) {
                points.add(List.of(v[0], v[1]));
            }
        }
        for (double[][] ring : b) {
            for (double[] v : ring) {
                if (points.contains(List.of(v[0], v[1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Even-odd ray casting: is (x, y) inside the closed ring? */
    static boolean inside(double x, double y, double[][] ring) {
        boolean in = false;
        for (int k = 0, prev = ring.length - 1; k < ring.length; prev = k++) {
            double[] a = ring[prev];
            double[] b = ring[k];
            if ((a[1] > y) != (b[1] > y) && x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])) {
                in = !in;
            }
        }
        return in;
    }

    @Test
    void pointInPolygonWorks() {
        double[][] square = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
        double[][] notch = {{0, 0}, {4, 0}, {4, 4}, {2, 1}, {0, 4}};
        assertTrue(inside(1, 1, square));
        assertFalse(inside(3, 1, square));
        assertFalse(inside(2, 3, notch), "in the notch is outside");
        assertTrue(inside(3.5, 3, notch));
    }

    /** Area enclosed by a shape of straight segments (an Area: holes run the other way round). */
    private static double area(java.awt.Shape s) {
        double total = 0;
        double[] c = new double[6];
        double x0 = 0;
        double y0 = 0;
        double px = 0;
        double py = 0;
        for (java.awt.geom.PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case java.awt.geom.PathIterator.SEG_MOVETO -> {
                    x0 = c[0];
                    y0 = c[1];
                    px = x0;
                    py = y0;
                }
                case java.awt.geom.PathIterator.SEG_LINETO -> {
                    total += px * c[1] - c[0] * py;
                    px = c[0];
                    py = c[1];
                }
                case java.awt.geom.PathIterator.SEG_CLOSE -> {
                    total += px * y0 - x0 * py;
                    px = x0;
                    py = y0;
                }
                default -> throw new AssertionError("curved segment in an outline");
            }
        }
        return Math.abs(total / 2);
    }

    @Test
    void gangDotsStayNearTheirProvinceAndDoNotMoveWhileTheGangStays() {
        GangField f = new GangField(map);
        int yn = net.byCode("CN-YN").index();
        Point2D.Double c = map.capital(yn);
        double limit = GangField.SPREAD_DEGREES * map.unitsPerDegree() + 1e-9;
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (long id = 1; id <= 200; id++) {
            sim.util.Double2D p = f.position(id, yn);
            assertTrue(Math.hypot(p.x - c.x, p.y - c.y) <= limit, "gang " + id + " within the spread");
            assertEquals(p, f.position(id, yn), "same gang, same province, same place");
            distinct.add(p.toString());
        }
        assertEquals(200, distinct.size(), "gangs in one province are spread out, not stacked");
    }
}
