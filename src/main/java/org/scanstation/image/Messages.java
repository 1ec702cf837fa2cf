package org.scanstation.image;

/** Library messages made fit to show a person: one line, not too long, never empty. */
final class Messages {

    private Messages() {
    }

    static String of(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return oneLine(m);
    }

    static String oneLine(String m) {
        if (m == null || m.isBlank()) {
            return "no details";
        }
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }
}
