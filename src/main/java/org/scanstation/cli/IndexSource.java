package org.scanstation.cli;

import java.nio.file.Path;
import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.StationConfig;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.match.PatientIndex;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.store.IndexHome;
import org.scanstation.match.store.LivePatientIndex;
import org.scanstation.match.store.PatientIndexes;

/** Opens the patient index a command was given (or the configured one); every failure is exit 4 in words. */
final class IndexSource {

    private IndexSource() {
    }

    static PatientIndex open(Path csv, Path folder) throws CliException {
        if (csv != null && folder != null) {
            throw new CliException(ExitCode.USAGE, "give --patients FILE.csv or --index DIR, not both");
        }
        try {
            StationConfig.PatientIndexSource configured = configured();
            if (csv != null) {
                return CsvPatientIndex.load(csv, PatientIndexes.charset(configured));
            }
            if (folder != null) {
                return LivePatientIndex.open(IndexHome.at(folder));
            }
            return PatientIndexes.openConfigured(configured).orElseThrow(() -> new CliException(ExitCode.PATIENT_INDEX,
                    "no patient index: give --patients FILE.csv or --index DIR, or import the PAS extract into "
                            + PatientIndexes.defaultFolder() + " with: scanstation index import EXTRACT.csv"));
        } catch (PatientIndexException e) {
            throw new CliException(ExitCode.PATIENT_INDEX, e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new CliException(ExitCode.PATIENT_INDEX, "not enough memory to open the patient index");
        }
    }

    static StationConfig.PatientIndexSource configured() throws CliException {
        try {
            return new ConfigLoader().load().config().patientIndex();
        } catch (ConfigException e) {
            throw new CliException(ExitCode.CONFIG, e.getMessage());
        }
    }
}
