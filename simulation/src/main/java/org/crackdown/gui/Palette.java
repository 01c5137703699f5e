package org.crackdown.gui;

import java.awt.Color;

import org.crackdown.agent.Gang;

/**
 * Colours and scales of the map, chosen to stay distinct on a washed-out projector: warm fills
 * for trafficking, blue for police, dark plum for flows, green for rescues.
 */
final class Palette {

    static final Color SEA = new Color(0xE6EEF3);
    static final Color BORDER = new Color(0x8C8C8C);
    /** Land drawn for context, without data (Taiwan, Hong Kong, Macao). */
    static final Color CONTEXT = new Color(0xD9D9D9);
    static final Color OUTLINE = new Color(0x404040);
    static final Color LABEL = new Color(0x202020);
    static final Color HALO = new Color(255, 255, 255, 200);
    static final Color POLICE = new Color(0x1F4FBF);
    static final Color POLICE_FILL = new Color(31, 79, 191, 28);
    static final Color FLOW = new Color(0x3B0A45);
    static final Color RESCUE = new Color(0x00B050);
    static final Color TEXT = new Color(0x1A1A1A);
    static final Color LEGEND_BACK = new Color(255, 255, 255, 225);

    /** Stops of the pressure scale: victims taken per month (all China equivalent), and colours. */
    static final double[] PRESSURE_STOPS = {0, 20, 60, 150, 350, 800};
    private static final Color[] PRESSURE_COLOURS = {
        new Color(0xFBF8EF), new Color(0xFEE391), new Color(0xFEC44F), new Color(0xFE9929),
        new Color(0xE34A1F), new Color(0x99000D)};

    private Palette() {
    }

    /** Fill colour for a province where {@code perMonth} victims were taken over the last month. */
    static Color pressure(double perMonth) {
        double v = Double.isNaN(perMonth) ? 0 : Math.max(0, perMonth);
        double[] s = PRESSURE_STOPS;
        if (v >= s[s.length - 1]) {
            return PRESSURE_COLOURS[s.length - 1];
        }
        int k = 0;
        while (v >= s[k + 1]) {
            k++;
        }
        double t = (v - s[k]) / (s[k + 1] - s[k]);
        return mix(PRESSURE_COLOURS[k], PRESSURE_COLOURS[k + 1], t);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    static Color gang(Gang.State s) {
        return switch (s) {
            case IDLE -> new Color(0x8A8A8A);
            case ACQUIRING -> new Color(0xFF7F00);
            case TRANSIT -> new Color(0xD7191C);
            case SELLING -> new Color(0x8E24AA);
            case RETURNING -> new Color(0x303030);
            case GONE -> new Color(0, 0, 0, 0);
        };
    }

    /** Radius (field units) of the police ring for a number of officers on duty. */
    static double policeRadius(double officers) {
        return Math.min(100, 0.9 * Math.sqrt(Math.max(0, officers)));
    }
}
