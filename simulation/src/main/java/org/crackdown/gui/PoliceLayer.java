package org.crackdown.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;

import sim.portrayal.DrawInfo2D;

/** Police: a blue ring around each capital, its area in proportion to the officers on duty. */
final class PoliceLayer extends MapLayer {

    PoliceLayer(ChinaMap map, MapScene scene) {
        super(map, scene);
    }

    @Override
    protected void paint(Graphics2D g, DrawInfo2D info) {
        AffineTransform t = toScreen(info);
        double z = zoom(info);
        g.setStroke(new BasicStroke((float) Math.max(1.5, 2.5 * z)));
        for (int i = 0; i < map.provinces(); i++) {
            double r = Palette.policeRadius(scene.officers(i)) * z;
            if (r > 0.5) {
                Point2D.Double c = at(t, map.capital(i));
                Ellipse2D.Double e = new Ellipse2D.Double(c.x - r, c.y - r, 2 * r, 2 * r);
                g.setColor(Palette.POLICE_FILL);
                g.fill(e);
                g.setColor(Palette.POLICE);
                g.draw(e);
            }
        }
    }
}
