package org.scanstation.upload;

/** What the EDMS says about itself. */
public record RepositoryInfo(String id, String name, String productName, String productVersion, String protocolVersion) {
}
