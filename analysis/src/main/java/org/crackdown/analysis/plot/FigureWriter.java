package org.crackdown.analysis.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Saves a figure as PNG (at twice its size, for print) and SVG, and gives the SVG for inlining. */
public final class FigureWriter {

    /** PNG pixels per point: 2 gives about 200 dpi at the figure's nominal size. */
    static final int PNG_SCALE = 2;

    private FigureWriter() {
    }

    /** Writes NAME.png and NAME.svg into {@code dir} and returns the inline SVG element. */
    public static String write(Figure f, Path dir) throws IOException {
        BufferedImage img = new BufferedImage(f.width() * PNG_SCALE, f.height() * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            f.chart().draw(g, new Rectangle2D.Double(0, 0, f.width(), f.height()));
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", dir.resolve(f.name() + ".png").toFile());

        SVGGraphics2D svg = svg(f);
        Files.writeString(dir.resolve(f.name() + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
        // Without width/height the inline SVG scales to the page width, keeping its aspect ratio.
        return svg.getSVGElement("fig-" + f.name(), false, new ViewBox(0, 0, f.width(), f.height()),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }

    private static SVGGraphics2D svg(Figure f) {
        SVGGraphics2D svg = new SVGGraphics2D(f.width(), f.height());
        // A fixed, per-figure prefix: ids stay unique when several SVGs share one HTML page, and
        // the output does not change from run to run (the default prefix is time-based).
        svg.setDefsKeyPrefix(f.name().replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        f.chart().draw(svg, new Rectangle2D.Double(0, 0, f.width(), f.height()));
        return svg;
    }
}
