package org.scanstation.store;

import java.io.IOException;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * Where the store's AES-256 key comes from. The key is always held outside the store folder, so a
 * copied store folder alone is unreadable. {@link KeyFileProvider} keeps it in an owner-only file;
 * an OS key store (Windows DPAPI / macOS Keychain / Secret Service) can implement this later.
 */
public interface KeyStoreProvider {

    /** The 256-bit AES key, created on first use when the provider supports that. */
    SecretKey key() throws IOException;

    /** True when a key exists already ({@link #key()} would not create one). */
    boolean hasKey() throws IOException;

    /** A human-readable description of where the key lives (a path, never the key). */
    String describe();

    /** What a person must know about the key (e.g. its file's mode was corrected), in words. */
    default List<String> notices() {
        return List.of();
    }
}
