package org.scanstation.station;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.image.Transform;
import org.scanstation.intake.StoredReading;
import org.scanstation.model.HospitalNumberFormat;

/** Makes the {@link PageView} of a stored page: the whole page upright, with what the analysis read marked on it. */
final class PageViews {

    private final HospitalNumberFormat mrnFormat;

    PageViews(HospitalNumberFormat mrnFormat) {
        this.mrnFormat = mrnFormat;
    }

    PageView of(String title, BufferedImage raw, List<Transform> transforms, List<StoredReading> readings) {
        PagePictures.Rendered shown;
        try {
            shown = PagePictures.upright(raw, transforms);
        } catch (RuntimeException e) {
            return PageView.unavailable(title, "The page cannot be drawn: " + StationEvents.messageOf(e));
        }
        PageReadings read = new PageReadings(readings, mrnFormat);
        List<PageMark> marks = new ArrayList<>();
        for (PageMark m : read.marks(raw.getWidth(), raw.getHeight(), transforms)) {
            marks.add(new PageMark(m.kind(), scaled(m.region(), shown.scale()), m.lines()));
        }
        return new PageView(title, shown.image(), marks, read.unplaced(), null);
    }

    EvidenceShown evidence(List<StoredReading> readings) {
        return new PageReadings(readings, mrnFormat).evidence();
    }

    private static Rectangle scaled(Rectangle r, double f) {
        if (f == 1.0) {
            return r;
        }
        return new Rectangle((int) Math.round(r.x * f), (int) Math.round(r.y * f), (int) Math.round(r.width * f),
                (int) Math.round(r.height * f));
    }
}
