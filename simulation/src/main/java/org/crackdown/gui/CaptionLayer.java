package org.crackdown.gui;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.crackdown.agent.Gang;

import sim.portrayal.DrawInfo2D;

/**
 * The date, large enough to read from the back of a lecture hall, what is running (campaigns,
 * policy settings) and the legend. Part of the map, so that snapshots carry them.
 */
final class CaptionLayer extends MapLayer {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    CaptionLayer(ChinaMap map, MapScene scene) {
        super(map, scene);
    }

    @Override
    protected void paint(Graphics2D g, DrawInfo2D info) {
        double z = zoom(info);
        double x0 = info.draw.x;
        double y0 = info.draw.y;
        g.setColor(Palette.TEXT);
        String date = scene.today() == null ? "Press play to start" : DATE.format(scene.today());
        g.setFont(font(Font.BOLD, 42, info));
        float baseline = (float) (y0 + 46 * z);
        g.drawString(date, (float) (x0 + 20 * z), baseline);
        int dateWidth = g.getFontMetrics().stringWidth(date);
        if (scene.today() != null) {
            g.setFont(font(Font.PLAIN, 18, info));
            g.drawString(String.format("day %,d of %,d", scene.day() + 1, scene.totalDays()),
                    (float) (x0 + 20 * z + dateWidth + 16 * z), baseline);
        }
        g.setFont(font(Font.PLAIN, 16, info));
        float y = (float) (y0 + 70 * z);
        for (String c : scene.campaigns()) {
            g.setColor(Palette.POLICE);
            g.drawString(c, (float) (x0 + 22 * z), y);
            y += (float) (19 * z);
        }
        g.setColor(Palette.TEXT);
        g.drawString(scene.settings(), (float) (x0 + 22 * z), y);
        legend(g, info);
    }

    /** The legend, in the sea off the south-east coast. */
    private void legend(Graphics2D g, DrawInfo2D info) {
        double z = zoom(info);
        double w = 272 * z;
        double line = 19 * z;
        double h = 15.2 * line;
        double x = info.draw.x + info.draw.width - w - 10 * z;
        double y = info.draw.y + info.draw.height - h - 10 * z;
        g.setColor(Palette.LEGEND_BACK);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, 12 * z, 12 * z));
        g.setColor(Palette.BORDER);
        g.setStroke(new BasicStroke((float) Math.max(1, z)));
        g.draw(new RoundRectangle2D.Double(x, y, w, h, 12 * z, 12 * z));

        Font head = font(Font.BOLD, 14, info);
        Font body = font(Font.PLAIN, 13, info);
        double tx = x + 10 * z;
        double cy = y + line;
        g.setFont(head);
        g.setColor(Palette.TEXT);
        g.drawString("Victims taken, last month", (float) tx, (float) cy);
        cy += 0.35 * line;
        cy = pressureLegend(g, info, tx, cy, w - 20 * z);
        cy += 1.1 * line;

        g.setFont(head);
        g.drawString("Police on duty (blue rings)", (float) tx, (float) cy);
        double r1 = Palette.policeRadius(100) * z;
        double r2 = Palette.policeRadius(500) * z;
        double ringY = cy + 0.4 * line + r2;
        ring(g, tx + r2, ringY, r2, z);
        ring(g, tx + 2 * r2 + 10 * z + r1, ringY + r2 - r1, r1, z);
        g.setFont(body);
        g.setColor(Palette.TEXT);
        g.drawString("500 and 100 officers", (float) (tx + 2 * r2 + 2 * r1 + 20 * z), (float) (ringY + 5 * z));
        cy = ringY + r2 + 1.15 * line;

        g.setFont(head);
        g.drawString("Victims sold, from \u2192 to", (float) tx, (float) cy);
        cy += 0.3 * line;
        Point2D.Double a = new Point2D.Double(tx, cy + 0.6 * line);
        Point2D.Double b = new Point2D.Double(tx + 80 * z, cy + 0.6 * line);
        FlowLayer.arrow(g, a, b, FlowLayer.width(100) * z, Palette.FLOW, z);
        g.setFont(body);
        g.setColor(Palette.TEXT);
        g.drawString("wider = more", (float) (tx + 95 * z), (float) (cy + 0.85 * line));
        cy += 1.9 * line;

        g.setFont(head);
        g.drawString("Gangs", (float) tx, (float) cy);
        g.setFont(body);
        Gang.State[] states = {Gang.State.IDLE, Gang.State.ACQUIRING, Gang.State.TRANSIT, Gang.State.SELLING,
            Gang.State.RETURNING};
        double col = w / 2 - 4 * z;
        for (int k = 0; k < states.length; k++) {
            double sx = tx + (k % 2) * col;
            double sy = cy + (k / 2 + 1) * 0.95 * line;
            double d = 9 * z;
            g.setColor(Palette.gang(states[k]));
            g.fill(new Ellipse2D.Double(sx, sy - d, d, d));
            g.setColor(Palette.TEXT);
            g.drawString(GangPortrayal.label(states[k]), (float) (sx + d + 4 * z), (float) sy);
        }
        cy += 4.0 * line;
        double rr = 7 * z;
        g.setColor(Palette.RESCUE);
        g.setStroke(new BasicStroke((float) Math.max(2, 3 * z)));
        g.draw(new Ellipse2D.Double(tx, cy - 1.6 * rr, 2 * rr, 2 * rr));
        g.setColor(Palette.TEXT);
        g.setFont(head);
        g.drawString("Rescue (green flash)", (float) (tx + 2 * rr + 8 * z), (float) cy);
    }

    static final DateTimeFormatter SET_ON = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * The pressure classes as boxes, light to dark, with their lower limits at the boundaries and a
     * line saying how they were set. Returns the baseline of the last line.
     */
    private double pressureLegend(Graphics2D g, DrawInfo2D info, double tx, double cy, double width) {
        double z = zoom(info);
        double line = 19 * z;
        PressureBands bands = scene.bands();
        int boxes = bands.classes() + 1;
        double boxW = width / boxes;
        double boxH = 0.7 * line;
        for (int c = 0; c < boxes; c++) {
            g.setColor(bands.colour(c));
            g.fill(new Rectangle2D.Double(tx + c * boxW, cy, boxW, boxH));
            g.setColor(Palette.BORDER);
            g.draw(new Rectangle2D.Double(tx + c * boxW, cy, boxW, boxH));
        }
        g.setFont(font(Font.PLAIN, 11, info));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Palette.TEXT);
        float below = (float) (cy + boxH + fm.getAscent() + 1 * z);
        g.drawString("0", (float) tx, below);
        double[] limits = bands.limits();
        for (int k = 0; k < boxes - 1; k++) {
            String label = PressureBands.label(k == 0 ? PressureBands.NONE_BELOW : limits[k - 1]);
            g.drawString(label, (float) (tx + (k + 1) * boxW - fm.stringWidth(label) / 2.0), below);
        }
        double y = below + fm.getHeight();
        String how = bands.setOn() == null || boxes == 1 ? "none taken yet"
                : "classes: fifths of provinces, set " + SET_ON.format(bands.setOn());
        g.drawString(how, (float) tx, (float) y);
        return y;
    }

    private static void ring(Graphics2D g, double cx, double cy, double r, double z) {
        Ellipse2D.Double e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        g.setColor(Palette.POLICE_FILL);
        g.fill(e);
        g.setColor(Palette.POLICE);
        g.setStroke(new BasicStroke((float) Math.max(1.5, 2.5 * z)));
        g.draw(e);
    }
}
