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
