package org.scanstation.station;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the station's screens write a date: {@code 16 Nov 1969} (day, short English month, year),
 * never a number order a reader has to guess. Texts made elsewhere (the match policy's reasons write
 * {@code 16/11/1969}, files write {@code 1969-11-16}) are rewritten to it before they are shown.
 */
public final class DayFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
    private static final Pattern DAY_FIRST = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])");

    private DayFormat() {
    }

    /** {@code 16 Nov 1969}; empty for null. */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** {@code 16 Nov 2026 14:32} in this PC's time zone; empty for null. */
    public static String dayAndTime(Instant at) {
        return at == null ? "" : DAY_AND_TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    /** {@code 14:32:05} in this PC's time zone. */
    public static String time(Instant at) {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    /** {@code text} with every ISO ({@code 1969-11-16}) and day-first ({@code 16/11/1969}) date written as {@code 16 Nov 1969}. */
    public static String rewrite(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return replace(replace(text, ISO, 1, 2, 3), DAY_FIRST, 3, 2, 1);
    }

    private static String replace(String text, Pattern p, int year, int month, int day) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown;
            try {
                shown = day(LocalDate.of(Integer.parseInt(m.group(year)), Integer.parseInt(m.group(month)),
                        Integer.parseInt(m.group(day))));
            } catch (DateTimeException | NumberFormatException e) {
                shown = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
