package org.crackdown.gui;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;

import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;

/**
 * A layer of the map drawn straight from the {@link MapScene} (not from a MASON field of objects):
 * the Display's Layers menu can switch each one on and off in class. Subclasses draw in field
 * units through {@link #toScreen}; sizes that should stay readable scale with the zoom.
 */
abstract class MapLayer extends FieldPortrayal2D {

    protected final ChinaMap map;
    protected final MapScene scene;

    MapLayer(ChinaMap map, MapScene scene) {
        this.map = map;
        this.scene = scene;
        setField(scene);
    }

    @Override
    public final void draw(Object object, Graphics2D g, DrawInfo2D info) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            paint(g2, info);
        } finally {
            g2.dispose();
        }
    }

    /** Draws the layer; {@code g} is a copy the layer may change freely. */
    protected abstract void paint(Graphics2D g, DrawInfo2D info);

    /** Field units to screen pixels for this drawing. */
    protected static AffineTransform toScreen(DrawInfo2D info) {
        double sx = info.draw.width / ChinaMap.WIDTH;
        double sy = info.draw.height / ChinaMap.HEIGHT;
        return new AffineTransform(sx, 0, 0, sy, info.draw.x, info.draw.y);
    }

    /** A point in field units on the screen. */
    protected static java.awt.geom.Point2D.Double at(AffineTransform t, java.awt.geom.Point2D.Double p) {
        java.awt.geom.Point2D.Double q = new java.awt.geom.Point2D.Double();
        t.transform(p, q);
        return q;
    }

    /** Screen pixels per field unit. */
    protected static double zoom(DrawInfo2D info) {
        return info.draw.width / ChinaMap.WIDTH;
    }

    protected static Font font(int style, double fieldSize, DrawInfo2D info) {
        return new Font(Font.SANS_SERIF, style, (int) Math.max(9, Math.round(fieldSize * zoom(info))));
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        return new SimplePortrayal2D();
    }
}
