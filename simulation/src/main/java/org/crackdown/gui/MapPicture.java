package org.crackdown.gui;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;

/**
 * The map as a picture of a fixed size, whatever the window shows: the same layers as the
 * Display, drawn into an image (for slides, the docs and the display test).
 */
public final class MapPicture {

    private MapPicture() {
    }

    /** Draws the GUI's map layers at {@code zoom} screen pixels per field unit. */
    public static BufferedImage render(TraffickingModelWithUI gui, double zoom) {
        int w = (int) Math.round(ChinaMap.WIDTH * zoom);
        int h = (int) Math.round(ChinaMap.HEIGHT * zoom);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Palette.SEA);
            g.fillRect(0, 0, w, h);
            Rectangle2D.Double all = new Rectangle2D.Double(0, 0, w, h);
            synchronized (gui.state.schedule) {
                for (FieldPortrayal2D layer : gui.layers()) {
                    layer.draw(layer.getField(), g, new DrawInfo2D((GUIState) gui, layer, all, all));
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes {@link #render} as PNG. */
    public static void write(TraffickingModelWithUI gui, double zoom, Path png) throws IOException {
        Path dir = png.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!ImageIO.write(render(gui, zoom), "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
