package org.crackdown.gui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;

import org.crackdown.agent.Gang;

import sim.portrayal.DrawInfo2D;
import sim.portrayal.SimplePortrayal2D;

/** A gang as a dot coloured by what it is doing; gangs carrying victims are drawn larger. */
final class GangPortrayal extends SimplePortrayal2D {

    private static final long serialVersionUID = 1L;
    private static final Color RIM = new Color(0, 0, 0, 140);

    /** What each state means, in words for the legend and the inspector. */
    static String label(Gang.State s) {
        return switch (s) {
            case IDLE -> "at home, planning";
            case ACQUIRING -> "taking victims";
            case TRANSIT -> "moving victims";
            case SELLING -> "selling victims";
            case RETURNING -> "going home";
            case GONE -> "broken up";
        };
    }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        GangMarker m = (GangMarker) object;
        boolean busy = m.state() != Gang.State.IDLE && m.state() != Gang.State.RETURNING;
        double zoom = info.draw.width; // ContinuousPortrayal2D passes one field unit as draw.width
        double d = Math.max(busy ? 3.5 : 2.5, (busy ? 5 : 3.5) * zoom);
        Ellipse2D.Double e = new Ellipse2D.Double(info.draw.x - d / 2, info.draw.y - d / 2, d, d);
        g.setColor(Palette.gang(m.state()));
        g.fill(e);
        if (busy) {
            // A dark rim keeps orange and red dots visible on orange and red provinces.
            g.setColor(RIM);
            g.draw(e);
        }
    }

    @Override
    public boolean hitObject(Object object, DrawInfo2D range) {
        double d = Math.max(6, 6 * range.draw.width);
        return new Ellipse2D.Double(range.draw.x - d / 2, range.draw.y - d / 2, d, d).intersects(range.clip);
    }
}
