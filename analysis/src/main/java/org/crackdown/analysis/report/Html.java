package org.crackdown.analysis.report;

/** Minimal HTML building: escaping and a few elements. */
final class Html {

    private final StringBuilder sb = new StringBuilder(1 << 16);

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    Html raw(String s) {
        sb.append(s);
        return this;
    }

    Html text(String s) {
        sb.append(esc(s));
        return this;
    }

    Html el(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag.split(" ")[0] + ">\n");
    }

    Html open(String tag) {
        return raw("<" + tag + ">");
    }

    Html close(String tag) {
        return raw("</" + tag + ">\n");
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
