package org.crackdown.gui;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.List;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.crackdown.format.CodeVersion;
import org.crackdown.model.TraffickingModel;
import org.crackdown.space.ProvinceNetwork;

import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Inspector;
import sim.portrayal.continuous.ContinuousPortrayal2D;

/**
 * The teaching GUI: MASON's Console with the map of China, the monthly charts and the policy
 * levers. Each press of play starts a fresh {@link TraffickingModel} from the current settings
 * (see {@link GuiSession}); the model never knows it is being watched.
 *
 * <p>Without {@link #init} (no display) it still runs, which is how the tests drive it.
 */
public final class TraffickingModelWithUI extends GUIState {

    private final GuiSession session;
    private final Levers levers;
    private final ChinaMap map;
    private final MapScene scene;
    private final GangField gangField;
    private final List<FieldPortrayal2D> layers;

    private Display2D display;
    private JFrame displayFrame;
    private ChartsPanel charts;
    private JFrame chartsFrame;

    public TraffickingModelWithUI(GuiSession session) {
        super(session.idleModel());
        this.session = session;
        // Set from the Model tab, inside the schedule lock MASON's inspector holds: the Console is
        // told afterwards, on the Swing thread, with the lock released.
        this.levers = new Levers(session, () -> SwingUtilities.invokeLater(this::armPause));
        ProvinceNetwork net = ((TraffickingModel) state).network();
        this.map = ChinaMap.of(net);
        this.scene = new MapScene(net.size());
        this.gangField = new GangField(map);
        ContinuousPortrayal2D gangs = new ContinuousPortrayal2D();
        gangs.setField(gangField.field());
        gangs.setPortrayalForAll(new GangPortrayal());
        this.layers = List.of(new ProvinceLayer(map, scene), new FlowLayer(map, scene), gangs,
                new PoliceLayer(map, scene), new RescueLayer(map, scene), new LabelLayer(map, scene, net),
                new CaptionLayer(map, scene));
        session.addChangeListener(c -> {
            if (charts != null) {
                SwingUtilities.invokeLater(() -> charts.mark(c));
            }
        });
    }

    /** Window title and the name in MASON's lists. */
    public static String getName() {
        return "crackdown: trafficking and policing in China";
    }

    /** The Console's About tab. */
    public static Object getInfo() {
        java.net.URL about = TraffickingModelWithUI.class.getResource("about.html");
        return about != null ? about : "<html><body>about.html is missing from the build</body></html>";
    }

    public GuiSession session() {
        return session;
    }

    /** The model of the current or last run. */
    public TraffickingModel model() {
        return (TraffickingModel) state;
    }

    public Levers levers() {
        return levers;
    }

    MapScene scene() {
        return scene;
    }

    ChinaMap map() {
        return map;
    }

    /** The layers in drawing order (provinces, flows, gangs, police, rescues, names, caption). */
    List<FieldPortrayal2D> layers() {
        return layers;
    }

    ChartsPanel charts() {
        return charts;
    }

    Display2D display() {
        return display;
    }

    JFrame chartsFrame() {
        return chartsFrame;
    }

    @Override
    public Object getSimulationInspectedObject() {
        return levers;
    }

    @Override
    public Inspector getInspector() {
        Inspector i = super.getInspector();
        // Volatile: the timeline (DNA database, tips) changes levers during a run.
        i.setVolatile(true);
        return i;
    }

    @Override
    public void start() {
        // The Console has just reseeded the old model; a new run needs a new model, because a
        // model's metrics and parameters carry the history of the run it made.
        TraffickingModel m = session.beginRun(state.seed());
        state = m;
        attachCharts(m);
        super.start();
        showRun(m);
        if (session.pauseOn() != null) {
            armPause(); // else the Console keeps any pause the user typed in its own Console tab
        }
    }

    /**
     * Pause on a date uses MASON's own "pause at time": the Console's play loop pauses after the
     * step whose schedule time reaches it (and then clears it, so play goes on). Set at the start
     * of every run when there is a date, and whenever the date is changed (an emptied date clears
     * the Console's pause).
     */
    void armPause() {
        if (controller instanceof Console c) {
            c.setWhenShouldPauseTime(session.pauseTime());
        }
    }

    /**
     * File > Open: MASON's Console has read a checkpoint (written by File > Save, or by
     * {@code crackdown run --save-state-at}); the run goes on from where it was saved.
     */
    @Override
    public void load(SimState saved) {
        TraffickingModel m = (TraffickingModel) saved;
        session.adopt(m);
        attachCharts(m);
        super.load(m);
        showRun(m);
        if (session.pauseOn() != null) {
            armPause();
        }
    }

    /** Only checkpoints of this model written by this code version (others would mean something else). */
    @Override
    public boolean validSimState(SimState saved) {
        return saved instanceof TraffickingModel m && CodeVersion.current().equals(m.savedBy());
    }

    /** The monthly charts follow the model (from its first month, for a model read from a checkpoint). */
    private void attachCharts(TraffickingModel m) {
        if (charts != null) {
            ChartsPanel c = charts;
            double scale = m.params().getScale();
            SwingUtilities.invokeLater(() -> c.reset(m.scenario().start(), m.scenario().end(), m.scenario().campaigns(), scale));
            MonthlyTotals totals = new MonthlyTotals(pt -> SwingUtilities.invokeLater(() -> c.add(pt)));
            m.metrics().replayTo(totals);
            m.metrics().addListener(totals);
        }
    }

    /** The map shows the model as it is now, and after every step. */
    private void showRun(TraffickingModel m) {
        scene.reset();
        gangField.reset();
        scene.update(m);
        gangField.update(m);
        // Before the display's own repaint step, so each frame shows the day just simulated.
        scheduleRepeatingImmediatelyAfter(s -> {
            scene.update(m);
            gangField.update(m);
        });
        if (display != null) {
            display.reset();
            display.repaint();
        }
    }

    @Override
    public void finish() {
        super.finish();
        session.endRun();
        if (controller != null) {
            controller.refresh();
        }
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        display = new Display2D(ChinaMap.WIDTH, ChinaMap.HEIGHT, this);
        labelZoom(display);
        display.setBackdrop(Palette.SEA);
        String[] names = {"Provinces: victims taken", "Flows of victims", "Gangs", "Police", "Rescues",
            "Province names", "Date and legend"};
        for (int i = 0; i < layers.size(); i++) {
            display.attach(layers.get(i), names[i]);
        }
        displayFrame = display.createFrame();
        displayFrame.setTitle("crackdown: map of China");
        c.registerFrame(displayFrame);

        charts = new ChartsPanel();
        chartsFrame = new JFrame("crackdown: monthly charts");
        chartsFrame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
        chartsFrame.getContentPane().add(charts);
        c.registerFrame(chartsFrame);
        arrange();
        displayFrame.setVisible(true);
        chartsFrame.setVisible(true);
    }

    /**
     * MASON labels the map's zoom box "Scale", the word teachers read as the model's scale (issue
     * 14: they confused it with the lever "Share of China simulated"). It is the display's zoom,
     * so it says "Zoom"; MASON offers no setter, so the box's own label is renamed.
     */
    static void labelZoom(Display2D d) {
        for (java.awt.Component k : d.scaleField.getComponents()) {
            if (k instanceof javax.swing.JLabel l && l.getText() != null && l.getText().contains("Scale")) {
                l.setText(l.getText().replace("Scale", "Zoom"));
            }
        }
    }

    /** Map on the left, as large as fits; charts on the right above the Console. */
    private void arrange() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        double scale = Math.min(1.0, Math.min(screen.width * 0.6 / ChinaMap.WIDTH,
                (screen.height - 110) / ChinaMap.HEIGHT));
        display.setScale(scale);
        displayFrame.pack();
        Dimension d = displayFrame.getSize();
        // A little slack, or the scroll bars appear for a few pixels.
        displayFrame.setBounds(screen.x, screen.y, Math.min(d.width + 40, screen.width),
                Math.min(d.height + 40, screen.height));
        int right = screen.x + displayFrame.getWidth();
        int restWidth = Math.max(420, screen.x + screen.width - right);
        chartsFrame.setBounds(Math.min(right, screen.x + screen.width - restWidth), screen.y, restWidth,
                (int) (screen.height * 0.55));
    }

    /** Where the Console goes: below the charts. */
    Rectangle consoleBounds() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int x = chartsFrame.getX();
        int y = chartsFrame.getY() + chartsFrame.getHeight();
        return new Rectangle(x, y, Math.min(520, screen.x + screen.width - x), screen.y + screen.height - y);
    }

    @Override
    public void quit() {
        super.quit();
        if (displayFrame != null) {
            displayFrame.dispose();
        }
        if (chartsFrame != null) {
            chartsFrame.dispose();
        }
        displayFrame = null;
        display = null;
        chartsFrame = null;
        charts = null;
    }
}
