package org.crackdown.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;

import sim.portrayal.DrawInfo2D;

/** Rescues: a green ring flashes at the capital of a province where police freed victims. */
final class RescueLayer extends MapLayer {

    RescueLayer(ChinaMap map, MapScene scene) {
        super(map, scene);
    }

    /** Ring radius (field units) for a rescue glow. */
    static double radius(double glow) {
        return Math.min(50, 6 + 3.5 * Math.sqrt(glow));
    }

    /** Flashes below this (victims rescued in a day, all China equivalent) are not drawn. */
    static final double MIN_FLASH = 3;

    @Override
    protected void paint(Graphics2D g, DrawInfo2D info) {
        AffineTransform t = toScreen(info);
        double z = zoom(info);
        for (int i = 0; i < map.provinces(); i++) {
            double glow = scene.flash(i);
            if (glow < MIN_FLASH) {
                continue;
            }
            Point2D.Double c = at(t, map.capital(i));
            double r = radius(glow) * z;
            int alpha = (int) Math.round(255 * Math.min(1, 0.3 + glow / 20));
            Color ring = new Color(Palette.RESCUE.getRed(), Palette.RESCUE.getGreen(), Palette.RESCUE.getBlue(), alpha);
            g.setColor(new Color(ring.getRed(), ring.getGreen(), ring.getBlue(), alpha / 4));
            Ellipse2D.Double e = new Ellipse2D.Double(c.x - r, c.y - r, 2 * r, 2 * r);
            g.fill(e);
            g.setColor(ring);
            g.setStroke(new BasicStroke((float) Math.max(2, 4 * z)));
            g.draw(e);
        }
    }
}
