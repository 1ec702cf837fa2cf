package org.scanstation.station;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.PasswordHash;
import org.scanstation.config.StationConfig;

/** A real station for tests: demo scanner on the project's samples, a temporary store, an optional CMIS server. */
public final class StationFixture {

    public static final String SUPERVISOR = "sam";
    public static final String PASSWORD = "review-me";
    private static String hash;

    private StationFixture() {
    }

    /** @param cmisUrl the EDMS, or null for an offline station */
    public static StationConfig config(Path dir, String cmisUrl) {
        return config(dir, cmisUrl, Path.of("samples/patients.csv"));
    }

    /** @param patients the patient index CSV */
    public static StationConfig config(Path dir, String cmisUrl, Path patients) {
        StationConfig d = StationConfig.defaults();
        synchronized (StationFixture.class) {
            if (hash == null) {
                hash = PasswordHash.create(PASSWORD.toCharArray());
            }
        }
        StationConfig.Edms edms = new StationConfig.Edms(cmisUrl, "/ScanStationTest/" + dir.getFileName(), "dummyuser",
                null, null, null, cmisUrl == null);
        return new StationConfig("test-station", edms, new StationConfig.PatientIndexSource(patients.toString()),
                d.analysis(), new StationConfig.Store(dir.resolve("store").toString(),
                dir.resolve("station.key").toString(), 0),
                d.scanner(), List.of(new StationConfig.User(SUPERVISOR, "supervisor", hash),
                new StationConfig.User("chris", "clerk", hash)), List.of());
    }

    public static EffectiveConfig effective(StationConfig cfg, Set<String> locked) {
        return new EffectiveConfig(cfg, locked, List.of(), null, null);
    }

    public static Station open(Path dir, String cmisUrl, Executor work, Duration pacing) {
        return new Station(parts(dir, cmisUrl, work, pacing));
    }

    /** The parts of a station, for a test that also looks at its store. */
    public static Station.Parts parts(Path dir, String cmisUrl, Executor work, Duration pacing) {
        return parts(config(dir, cmisUrl), work, pacing);
    }

    public static Station.Parts parts(StationConfig config, Executor work, Duration pacing) {
        return StationFactory.parts(effective(config, Set.of()), new StationFactory.Defaults(Path.of("samples"), pacing),
                work);
    }

    public static SignedInUser supervisor() {
        return new SignedInUser(SUPERVISOR, "supervisor");
    }
}
