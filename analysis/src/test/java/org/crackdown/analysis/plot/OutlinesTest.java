package org.crackdown.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Path2D;
import java.util.List;
import java.util.Map;

import org.crackdown.analysis.io.Provinces;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** The report's maps draw the GUI's province outlines (one shared file), not bare latitude/longitude axes. */
class OutlinesTest {

    @Test
    void everyProvinceHasAnOutlineHoldingItsCapital() throws Exception {
        Outlines o = Outlines.bundled().orElseThrow();
        Provinces provinces = Provinces.fromClasspath().orElseThrow();
        assertEquals(31, provinces.all().size());
        for (Provinces.Province p : provinces.all()) {
            List<double[][]> rings = o.rings().get(p.code());
            assertFalse(rings == null || rings.isEmpty(), p.code());
            boolean inside = false;
            for (double[][] ring : rings) {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(ring[0][0], ring[0][1]);
                for (int i = 1; i < ring.length; i++) {
                    path.lineTo(ring[i][0], ring[i][1]);
                }
                path.closePath();
                inside |= path.contains(p.lon(), p.lat());
            }
            assertTrue(inside, p.code() + "'s capital lies outside its outline");
        }
    }

    @Test
    void mapsDrawTheOutlinesInsteadOfLatitudeAndLongitudeAxes() {
        List<ProvinceMap.MapPoint> places = List.of(new ProvinceMap.MapPoint("CN-YN", "YN", 25.04, 102.71));
        JFreeChart c = ProvinceMap.arrows("t", "s", places, List.of(), Map.of("CN-YN", 3.0), 3, 1);
        assertFalse(c.getXYPlot().getDomainAxis().isVisible(), "no longitude axis");
        assertFalse(c.getXYPlot().getRangeAxis().isVisible(), "no latitude axis");
        assertTrue(((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) c.getXYPlot().getRenderer()).getAnnotations()
                .stream().anyMatch(a -> a instanceof ProvinceMap.OutlineLayer));
        org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(ProvinceMap.WIDTH, ProvinceMap.HEIGHT);
        c.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, ProvinceMap.WIDTH, ProvinceMap.HEIGHT));
        String svg = g.getSVGElement();
        assertTrue(count(svg, "<path") > 34, "outlines drawn: " + count(svg, "<path") + " paths");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
