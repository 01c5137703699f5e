package org.crackdown.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.util.ArrayList;
import java.util.List;

import sim.portrayal.DrawInfo2D;

/**
 * Trafficking flows: an arrow from the province where victims were taken to the one where they
 * were sold, as thick as the sales over about the last month (fading day by day). Only the main
 * routes are drawn (trade between every pair of provinces would be a grey haze). Arrows bend to
 * their left, so flows in opposite directions do not overlap; the biggest are drawn on top.
 */
final class FlowLayer extends MapLayer {

    /** Flows below this (sales per month, all China equivalent) are not drawn. */
    static final double MIN_FLOW = 25;
    /** At most this many arrows, the largest: more would hide the map. */
    static final int MAX_ARROWS = 45;

    FlowLayer(ChinaMap map, MapScene scene) {
        super(map, scene);
    }

    /** Line width (field units) for a flow. */
    static double width(double perMonth) {
        return Math.min(14, 0.6 * Math.sqrt(perMonth));
    }

    @Override
    protected void paint(Graphics2D g, DrawInfo2D info) {
        int n = map.provinces();
        List<double[]> arrows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double f = scene.flow(i, j);
                if (i != j && f >= MIN_FLOW) {
                    arrows.add(new double[] {f, i, j});
                }
            }
        }
        arrows.sort((a, b) -> Double.compare(b[0], a[0]));
        if (arrows.size() > MAX_ARROWS) {
            arrows.subList(MAX_ARROWS, arrows.size()).clear();
        }
        java.util.Collections.reverse(arrows);
        AffineTransform t = toScreen(info);
        double z = zoom(info);
        for (double[] a : arrows) {
            Point2D.Double p = at(t, map.capital((int) a[1]));
            Point2D.Double q = at(t, map.capital((int) a[2]));
            double w = Math.max(1, width(a[0]) * z);
            int alpha = (int) Math.round(255 * Math.min(0.85, 0.3 + a[0] / 300));
            arrow(g, p, q, w, new Color(Palette.FLOW.getRed(), Palette.FLOW.getGreen(), Palette.FLOW.getBlue(), alpha),
                    z);
        }
    }

    /** A curved arrow from p to q with its head just short of q. */
    static void arrow(Graphics2D g, Point2D.Double p, Point2D.Double q, double width, Color colour, double zoom) {
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        double len = Math.hypot(dx, dy);
        if (len < 1) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        // Control point to the left of the direction of travel.
        double cx = (p.x + q.x) / 2 + 0.18 * len * uy;
        double cy = (p.y + q.y) / 2 - 0.18 * len * ux;
        double head = Math.max(7 * zoom, 2.6 * width);
        double stop = 6 * zoom;
        // End the shaft where the head starts, along the curve's last tangent (from c to q).
        double tx = q.x - cx;
        double ty = q.y - cy;
        double tl = Math.hypot(tx, ty);
        tx /= tl;
        ty /= tl;
        double hx = q.x - tx * stop;
        double hy = q.y - ty * stop;
        double bx = hx - tx * head;
        double by = hy - ty * head;
        g.setColor(colour);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Double(p.x, p.y, cx, cy, bx, by));
        Path2D.Double tip = new Path2D.Double();
        double half = head * 0.55;
        tip.moveTo(hx, hy);
        tip.lineTo(bx - ty * half, by + tx * half);
        tip.lineTo(bx + ty * half, by - tx * half);
        tip.closePath();
        g.fill(tip);
    }
}
