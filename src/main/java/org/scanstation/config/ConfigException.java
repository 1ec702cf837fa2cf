package org.scanstation.config;

/** A configuration file is unusable; the message names the file and, where known, the line. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
