package org.scanstation.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (Implementation-Version), or "development". */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ScanStation " + version(), "Java " + System.getProperty("java.version")};
    }
}
