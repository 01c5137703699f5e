package org.crackdown.gui;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * Equirectangular projection of longitude and latitude onto the display's field (x east, y down),
 * fitted into a box with the aspect ratio kept. Longitudes are shrunk by the cosine of the middle
 * latitude, so that China is not stretched sideways; over China's span of latitudes this is
 * close enough for a classroom map.
 */
public final class MapProjection {

    private final double lonMin;
    private final double latMax;
    private final double kx;
    private final double unitsPerDegree;
    private final double x0;
    private final double y0;

    private MapProjection(double lonMin, double latMax, double kx, double unitsPerDegree, double x0, double y0) {
        this.lonMin = lonMin;
        this.latMax = latMax;
        this.kx = kx;
        this.unitsPerDegree = unitsPerDegree;
        this.x0 = x0;
        this.y0 = y0;
    }

    /** The largest projection that shows the given longitude/latitude range inside {@code box}, centred. */
    public static MapProjection fit(double lonMin, double lonMax, double latMin, double latMax, Rectangle2D box) {
        if (!(lonMax > lonMin) || !(latMax > latMin) || box.getWidth() <= 0 || box.getHeight() <= 0) {
            throw new IllegalArgumentException("empty range or box");
        }
        double kx = Math.cos(Math.toRadians((latMin + latMax) / 2));
        double w = (lonMax - lonMin) * kx;
        double h = latMax - latMin;
        double s = Math.min(box.getWidth() / w, box.getHeight() / h);
        double x0 = box.getX() + (box.getWidth() - w * s) / 2;
        double y0 = box.getY() + (box.getHeight() - h * s) / 2;
        return new MapProjection(lonMin, latMax, kx, s, x0, y0);
    }

    public Point2D.Double project(double lon, double lat) {
        return new Point2D.Double(x0 + (lon - lonMin) * kx * unitsPerDegree, y0 + (latMax - lat) * unitsPerDegree);
    }

    /** Field units per degree of latitude (and per degree of longitude divided by the cosine factor). */
    public double unitsPerDegree() {
        return unitsPerDegree;
    }
}
