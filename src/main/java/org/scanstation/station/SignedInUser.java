package org.scanstation.station;

/** A person signed in at the station, with their role ({@code clerk} or {@code supervisor}). */
public record SignedInUser(String name, String role) {

    public boolean isSupervisor() {
        return "supervisor".equalsIgnoreCase(role);
    }
}
