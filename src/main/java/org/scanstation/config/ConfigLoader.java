package org.scanstation.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads the effective configuration: built-in defaults, then IT's machine-wide file, then the user's
 * file for every setting IT has not locked. A malformed file (bad JSON, an unknown setting, a wrong
 * type) is an error naming the file and line: the station refuses to start rather than run with
 * settings nobody meant.
 */
public final class ConfigLoader {

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The machine-wide file of this platform. */
    public static Path machineFile() {
        String override = System.getProperty("scanstation.config");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (isWindows()) {
            String programData = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
            return Path.of(programData, "ScanStation", "station.json");
        }
        return Path.of("/etc/scanstation/station.json");
    }

    /** The user's own file of this platform. */
    public static Path userFile() {
        String override = System.getProperty("scanstation.userConfig");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (isWindows()) {
            String appData = System.getenv().getOrDefault("APPDATA", System.getProperty("user.home"));
            return Path.of(appData, "ScanStation", "settings.json");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("scanstation").resolve("settings.json");
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** Defaults, overlaid by the machine file and the user file where present. */
    public EffectiveConfig load() throws ConfigException {
        return load(machineFile(), userFile());
    }

    public EffectiveConfig load(Path machine, Path user) throws ConfigException {
        ObjectNode merged = json.valueToTree(StationConfig.defaults());
        merged.set("locked", json.createArrayNode());
        JsonNode machineTree = read(machine);
        Set<String> locked = new TreeSet<>();
        List<String> userIgnored = new ArrayList<>();
        if (machineTree != null) {
            overlay(merged, machineTree, "", Set.of(), null);
            JsonNode l = machineTree.get("locked");
            if (l != null) {
                l.forEach(n -> locked.add(n.asText()));
            }
        }
        JsonNode userTree = read(user);
        if (userTree != null) {
            if (userTree.has("locked") || userTree.has("users")) {
                throw new ConfigException(user + ": 'locked' and 'users' can only be set in the machine-wide file");
            }
            overlay(merged, userTree, "", locked, userIgnored);
        }
        try {
            StationConfig config = json.treeToValue(merged, StationConfig.class);
            return new EffectiveConfig(config, Set.copyOf(locked), List.copyOf(userIgnored),
                    machineTree == null ? null : machine, userTree == null ? null : user);
        } catch (JsonProcessingException e) {
            throw new ConfigException("configuration is inconsistent: " + e.getOriginalMessage());
        }
    }

    /** Parses and checks one file; null when it does not exist. */
    JsonNode read(Path file) throws ConfigException {
        if (file == null) {
            return null;
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            json.readValue(text, StationConfig.class);
            JsonNode tree = json.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new ConfigException(file + ": line 1: expected a JSON object { ... }");
            }
            return tree;
        } catch (UnrecognizedPropertyException e) {
            // a record is bound once its object is closed, so the parser's location is the closing brace
            throw new ConfigException(file + ": line " + lineOf(text, "\"" + e.getPropertyName() + "\"", e.getLocation())
                    + ": unknown setting '" + e.getPropertyName() + "' (known here: " + e.getKnownPropertyIds() + ")", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": line " + line(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String lineOf(String text, String token, JsonLocation fallback) {
        int at = text.indexOf(token);
        if (at < 0) {
            return line(fallback);
        }
        return String.valueOf(text.substring(0, at).chars().filter(c -> c == '\n').count() + 1);
    }

    private static String line(JsonLocation loc) {
        return loc == null ? "?" : String.valueOf(loc.getLineNr());
    }

    /** Copies every field of {@code from} into {@code into}, object by object, skipping locked paths. */
    private static void overlay(ObjectNode into, JsonNode from, String prefix, Set<String> locked, List<String> ignored) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (isLocked(path, locked)) {
                if (ignored != null) {
                    ignored.add(path);
                }
                continue;
            }
            JsonNode existing = into.get(e.getKey());
            if (e.getValue().isObject() && existing != null && existing.isObject()) {
                overlay((ObjectNode) existing, e.getValue(), path, locked, ignored);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    /** A path is locked when it or any section above it is locked. */
    static boolean isLocked(String path, Set<String> locked) {
        for (String l : locked) {
            if (path.equals(l) || path.startsWith(l + ".")) {
                return true;
            }
        }
        return false;
    }
}
