package org.investflow.signing.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines no wider than a limit: after a space, or between two CJK characters (which
 * may break anywhere); a word longer than a line is cut where it must.
 */
final class LineBreaker {

    /** The width of a text at a font size. */
    interface Measure {
        float width(String text, float size);
    }

    private final Measure measure;
    private final float size;
    private final float limit;

    LineBreaker(Measure measure, float size, float limit) {
        this.measure = measure;
        this.size = size;
        this.limit = limit;
    }

    List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (measure.width(rest, size) > limit) {
            int cut = cutOf(rest);
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /** The last break opportunity that still fits, else as many characters as fit (at least one). */
    private int cutOf(String text) {
        int fits = 0;
        int lastBreak = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int next = text.offsetByCodePoints(i, 1);
            if (measure.width(text.substring(0, next), size) > limit) {
                break;
            }
            fits = next;
            if (text.charAt(i) == ' ' || isCjk(text.codePointAt(i)) || (next < text.length() && isCjk(text.codePointAt(next)))) {
                lastBreak = next;
            }
        }
        return lastBreak > 0 ? lastBreak : Math.max(fits, text.offsetByCodePoints(0, 1));
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
    }
}
