package org.scanstation.match.extract;

import java.util.List;

/** One record of the extract as read: the line it starts on and its fields (a quoted field may span lines). */
public record ExtractRecord(long line, List<String> fields) {
}
