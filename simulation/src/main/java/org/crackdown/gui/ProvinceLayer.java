package org.crackdown.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

import sim.portrayal.DrawInfo2D;

/**
 * Provinces: each outline filled by trafficking pressure (victims taken there over the last
 * month, in the classes of {@link PressureBands}), with its capital; Taiwan, Hong Kong and Macao in grey, as context without data. Police
 * rings ({@link PoliceLayer}) and names ({@link LabelLayer}) are layers above the gangs, so that
 * crowds of gangs never hide them.
 */
final class ProvinceLayer extends MapLayer {

    private AffineTransform cachedFor;
    private Shape[] provinces;
    private List<Shape> context;
    private Shape land;

    ProvinceLayer(ChinaMap map, MapScene scene) {
        super(map, scene);
    }

    @Override
    protected void paint(Graphics2D g, DrawInfo2D info) {
        AffineTransform t = toScreen(info);
        if (!t.equals(cachedFor)) {
            provinces = new Shape[map.provinces()];
            for (int i = 0; i < provinces.length; i++) {
                provinces[i] = t.createTransformedShape(map.province(i));
            }
            context = new ArrayList<>();
            for (Shape s : map.context()) {
                context.add(t.createTransformedShape(s));
            }
            land = t.createTransformedShape(map.land());
            cachedFor = t;
        }
        double z = zoom(info);
        for (int i = 0; i < provinces.length; i++) {
            g.setColor(scene.bands().colourOf(scene.pressure(i)));
            g.fill(provinces[i]);
        }
        g.setColor(Palette.CONTEXT);
        for (Shape c : context) {
            g.fill(c);
        }
        g.setStroke(new BasicStroke((float) Math.max(0.6, 0.8 * z)));
        g.setColor(Palette.BORDER);
        for (Shape p : provinces) {
            g.draw(p);
        }
        for (Shape c : context) {
            g.draw(c);
        }
        g.setStroke(new BasicStroke((float) Math.max(1.2, 2 * z)));
        g.setColor(Palette.OUTLINE);
        g.draw(land);
        for (int i = 0; i < provinces.length; i++) {
            Point2D.Double c = at(t, map.capital(i));
            double d = Math.max(2.5, 4 * z);
            g.setColor(Palette.LABEL);
            g.fill(new Ellipse2D.Double(c.x - d / 2, c.y - d / 2, d, d));
        }
    }
}
