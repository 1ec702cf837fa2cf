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

    /**
     * Settings only IT's machine-wide file may hold: accounts, locks, and the permission to send
     * credentials over plain http to an EDMS that is not on this PC. A user's file (their own
     * settings, {@code --config}, {@code -Dscanstation.config}) holding one is refused.
     */
    public static final Set<String> MACHINE_ONLY = Set.of("users", "locked", "edms.allowPlainHttp");

    /** System property (set by {@code --config}) naming a further settings file of this run. */
    public static final String COMMAND_LINE_FILE = "scanstation.config";

    /** The machine-wide file the station would read (see {@link MachineFile}); not yet checked. */
    public static Path machineFile() {
        return MachineFile.candidate();
    }

    /**
     * The user's settings files, applied in order over the machine-wide file for what IT has not
     * locked: their own file, then the file of {@code --config} (or {@code -Dscanstation.config}).
     */
    public static List<Path> userLayers() {
        List<Path> layers = new ArrayList<>();
        layers.add(userFile());
        String extra = System.getProperty(COMMAND_LINE_FILE);
        if (extra != null && !extra.isBlank()) {
            layers.add(Path.of(extra));
        }
        return List.copyOf(layers);
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

    /**
     * Defaults, overlaid by IT's machine-wide file (refused when this user could have written it), then
     * by the user's files where IT has not locked a setting.
     */
    public EffectiveConfig load() throws ConfigException {
        return loadLayers(MachineFile.inForce(), userLayers());
    }

    /** As {@link #load()}, with these files; the caller vouches for {@code machine} (tests, doctor). */
    public EffectiveConfig load(Path machine, Path user) throws ConfigException {
        return loadLayers(machine, user == null ? List.of() : List.of(user));
    }

    /** As {@link #load()}, with these files; the caller vouches for {@code machine} (tests, doctor). */
    public EffectiveConfig loadLayers(Path machine, List<Path> userLayers) throws ConfigException {
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
        Path userRead = null;
        for (Path user : userLayers) {
            JsonNode userTree = read(user);
            if (userTree == null) {
                continue;
            }
            for (String only : MACHINE_ONLY) {
                if (has(userTree, only)) {
                    throw new ConfigException(user + ": '" + only + "' can only be set in IT's machine-wide file "
                            + MachineFile.fixedPath() + "; a user's settings file (or --config) may only hold"
                            + " settings IT has not locked, never accounts or locks");
                }
            }
            overlay(merged, userTree, "", locked, userIgnored);
            userRead = userRead == null ? user : userRead;
        }
        try {
            StationConfig config = json.treeToValue(merged, StationConfig.class);
            checkAccounts(config, machine);
            return new EffectiveConfig(config, Set.copyOf(locked), List.copyOf(userIgnored),
                    machineTree == null ? null : machine, userRead);
        } catch (JsonProcessingException e) {
            throw new ConfigException("configuration is inconsistent: " + e.getOriginalMessage());
        }
    }

    private static boolean has(JsonNode tree, String path) {
        JsonNode n = tree;
        for (String part : path.split("\\.")) {
            if (n == null || !n.isObject() || !n.has(part)) {
                return false;
            }
            n = n.get(part);
        }
        return true;
    }

    /** Every account has a name, a known role and a password hash the station will accept. */
    private static void checkAccounts(StationConfig config, Path machine) throws ConfigException {
        List<StationConfig.User> users = config.users() == null ? List.of() : config.users();
        for (int i = 0; i < users.size(); i++) {
            StationConfig.User u = users.get(i);
            String which = machine + ": users[" + i + "]" + (u.name() == null ? "" : " (" + u.name() + ")");
            if (u.name() == null || u.name().isBlank()) {
                throw new ConfigException(which + ": an account needs a name");
            }
            if (u.role() != null && !u.role().equals("clerk") && !u.role().equals("supervisor")) {
                throw new ConfigException(which + ": role must be clerk or supervisor, not '" + u.role() + "'");
            }
            java.util.Optional<String> problem = PasswordHash.problem(u.passwordHash());
            if (problem.isPresent()) {
                throw new ConfigException(which + ": " + problem.get());
            }
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
