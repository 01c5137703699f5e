package org.crackdown.gui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.crackdown.model.Allocation;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.TraffickingModel;

import sim.util.Interval;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * The object shown in the Console's Model tab: the policy levers a teacher changes in class, as
 * sliders, check boxes and a list, followed by a few live readings. Names, ranges and tooltips
 * come from the parameters' declarations, so they cannot drift from the scenario format.
 * Every change goes through {@link GuiSession#set}, which validates it, applies it to the running
 * model from the next day and records it for saving.
 */
public final class Levers implements Propertied {

    /** One editable scenario key, with the label shown to the class. */
    record Lever(String key, String label) {
    }

    static final List<Lever> LEVERS = List.of(
            new Lever("police.budget", "Police budget (x baseline)"),
            new Lever("police.allocation", "Police allocation rule"),
            new Lever("dna.enabled", "DNA database"),
            new Lever("tips.enabled", "Public tips (Weibo)"),
            new Lever("buyers.prosecution_probability", "Buyers prosecuted (probability)"),
            new Lever("border.control", "Border control (probability)"),
            new Lever("births.srb_shift", "Extra boys per 100 girls at birth"),
            new Lever("scale", "Share of China simulated (next run only)"));

    /** After the levers: the date on which runs pause (MASON's Console pauses there), as text. */
    static final String PAUSE_ON = "Pause on date (yyyy-mm-dd)";

    /** Read-only live readings after the pause date. */
    private static final List<String> READINGS = List.of("Date", "Police officers on duty", "Gangs active",
            "Victims held by gangs");

    private final GuiSession session;
    private final Runnable pauseChanged;
    private final Properties properties = new LeverProperties();

    /** {@code pauseChanged} runs after the pause date has been changed (the GUI passes it to the Console). */
    public Levers(GuiSession session, Runnable pauseChanged) {
        this.session = session;
        this.pauseChanged = pauseChanged;
    }

    @Override
    public Properties properties() {
        return properties;
    }

    private final class LeverProperties extends Properties {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isVolatile() {
            return false;
        }

        @Override
        public int numProperties() {
            return LEVERS.size() + 1 + READINGS.size();
        }

        private ParamSpec spec(int index) {
            return ParamRegistry.find(LEVERS.get(index).key()).orElseThrow();
        }

        private boolean isLever(int index) {
            return index < LEVERS.size();
        }

        private boolean isPause(int index) {
            return index == LEVERS.size();
        }

        @Override
        public Object getValue(int index) {
            if (index < 0 || index >= numProperties()) {
                return null;
            }
            if (isPause(index)) {
                return session.pauseOn() == null ? "" : session.pauseOn().toString();
            }
            if (!isLever(index)) {
                return reading(index - LEVERS.size() - 1);
            }
            Object v = session.value(LEVERS.get(index).key());
            return v instanceof Allocation a ? Integer.valueOf(a.ordinal()) : v;
        }

        @Override
        public Object getDomain(int index) {
            if (!isLever(index)) {
                return null;
            }
            ParamSpec s = spec(index);
            return switch (s.kind()) {
                case NUMBER -> new Interval(s.min(), s.max());
                case CHOICE -> s.choices().toArray(new String[0]);
                default -> null;
            };
        }

        @Override
        public String getDescription(int index) {
            if (isPause(index)) {
                return "<html>Every run pauses when the map reaches this date, before that day is simulated "
                        + "(press play to go on). From " + session.scenario().start().plusDays(1) + " to "
                        + session.scenario().end() + "; empty for no pause. A date this run has passed applies "
                        + "from the next run.</html>";
            }
            if (!isLever(index)) {
                return null;
            }
            ParamSpec s = spec(index);
            String extra = LEVERS.get(index).key().equals(GuiSession.NEXT_RUN_ONLY)
                    ? " Takes effect when you next press play." : " Changes during a run act from the next day.";
            return "<html><b>" + s.key() + "</b>: " + s.doc() + extra + "<br>Allowed: " + s.allowed() + "</html>";
        }

        @Override
        public boolean isReadWrite(int index) {
            return isLever(index) || isPause(index);
        }

        @Override
        public String getName(int index) {
            if (isPause(index)) {
                return PAUSE_ON;
            }
            return isLever(index) ? LEVERS.get(index).label() : READINGS.get(index - LEVERS.size() - 1);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class getType(int index) {
            if (!isLever(index)) {
                return String.class;
            }
            return switch (spec(index).kind()) {
                case NUMBER -> Double.TYPE;
                case INTEGER, CHOICE -> Integer.TYPE;
                case BOOLEAN -> Boolean.TYPE;
            };
        }

        @Override
        protected Object _setValue(int index, Object value) {
            if (isPause(index)) {
                return setPause(value);
            }
            if (!isLever(index)) {
                return null;
            }
            ParamSpec s = spec(index);
            Object raw = value;
            if (s.kind() == ParamSpec.Kind.CHOICE && value instanceof Number n) {
                List<String> choices = s.choices();
                if (n.intValue() < 0 || n.intValue() >= choices.size()) {
                    return null;
                }
                raw = choices.get(n.intValue());
            }
            try {
                session.set(s.key(), raw);
            } catch (IllegalArgumentException e) {
                return null; // MASON beeps and shows the old value
            }
            return getValue(index);
        }
    }

    /** A date as typed (blank clears it); null, so that MASON beeps and shows the old value, if refused. */
    private Object setPause(Object value) {
        String text = value == null ? "" : value.toString().strip();
        try {
            session.setPauseOn(text.isEmpty() ? null : LocalDate.parse(text));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
        pauseChanged.run();
        return properties.getValue(LEVERS.size());
    }

    private String reading(int i) {
        // The current run, or the last one once it has stopped; nothing before the first.
        TraffickingModel m = session.model();
        if (m == null || m.police() == null) {
            return "-";
        }
        return switch (i) {
            case 0 -> (m.finished() ? m.scenario().end() : m.today()).toString();
            case 1 -> String.format("%,.0f", m.police().officersOnDuty());
            case 2 -> String.format("%,d", m.gangs().stream().filter(g -> g.active()).count());
            case 3 -> String.format("%,d", m.gangs().stream().mapToInt(g -> g.victims().size()).sum());
            default -> throw new IllegalArgumentException("no reading " + i);
        };
    }
}
