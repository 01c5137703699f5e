package org.crackdown.gui;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.Map;

import org.crackdown.space.ProvinceNetwork;

import sim.portrayal.DrawInfo2D;

/** Province names, on top of everything else so that gangs and rings never hide them. */
final class LabelLayer extends MapLayer {

    /** Offsets (field units) where capitals are too close together for a name centred below. */
    private static final Map<String, double[]> OFFSET = Map.of(
            "CN-BJ", new double[] {14, -18},
            "CN-TJ", new double[] {34, 10},
            "CN-HE", new double[] {26, -12},
            "CN-SH", new double[] {40, -10},
            "CN-JS", new double[] {-10, -14},
            "CN-ZJ", new double[] {-18, 24},
            "CN-AH", new double[] {-22, 18},
            "CN-HI", new double[] {0, 24});

    private final String[] names;
    private final String[] codes;

    LabelLayer(ChinaMap map, MapScene scene, ProvinceNetwork net) {
        super(map, scene);
        names = new String[net.size()];
        codes = new String[net.size()];
        for (int i = 0; i < net.size(); i++) {
            names[i] = net.get(i).nameEn();
            codes[i] = net.get(i).code();
        }
    }

    @Override
    protected void paint(Graphics2D g, DrawInfo2D info) {
        AffineTransform t = toScreen(info);
        double z = zoom(info);
        g.setFont(font(Font.BOLD, 14, info));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < names.length; i++) {
            Point2D.Double c = at(t, map.capital(i));
            double[] off = OFFSET.getOrDefault(codes[i], new double[] {0, 16});
            int w = fm.stringWidth(names[i]);
            float x = (float) (c.x + off[0] * z - w / 2.0);
            float y = (float) (c.y + off[1] * z + fm.getAscent() / 2.0);
            halo(g, names[i], x, y);
        }
    }

    /** Text with a white halo, readable on any fill. */
    static void halo(Graphics2D g, String s, float x, float y) {
        g.setColor(Palette.HALO);
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                if (dx * dx + dy * dy <= 5 && (dx != 0 || dy != 0)) {
                    g.drawString(s, x + dx, y + dy);
                }
            }
        }
        g.setColor(Palette.LABEL);
        g.drawString(s, x, y);
    }
}
