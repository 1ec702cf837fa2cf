package org.scanstation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: its mode, where it lives by default. */
class KeyFileProviderTest {

    @TempDir
    Path tmp;

    @Test
    void anExistingKeyOthersCanReadHasItsModeSetBackAndThatIsSaid() throws Exception {
        Path file = tmp.resolve("store.key");
        byte[] key = new KeyFileProvider(file).key().getEncoded();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        KeyFileProvider again = new KeyFileProvider(file);
        assertThat(again.key().getEncoded()).isEqualTo(key);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.notices()).singleElement().asString()
                .contains(file.toString(), "could be read or changed by other users", "rw-r--r--", "now rw-------");
    }

    @Test
    void anOwnerOnlyKeyIsUsedWithoutAWord() throws Exception {
        Path file = tmp.resolve("store.key");
        new KeyFileProvider(file).key();
        KeyFileProvider again = new KeyFileProvider(file);
        again.key();
        assertThat(again.notices()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void onWindowsTheKeyStaysInTheLocalProfileNeverTheRoamingOne() {
        Map<String, String> env = Map.of("LOCALAPPDATA", "C:\\Users\\clerk\\AppData\\Local",
                "APPDATA", "C:\\Users\\clerk\\AppData\\Roaming");
        assertThat(StorePaths.keyHome("Windows 11", env::get, "C:\\Users\\clerk").toString())
                .isEqualTo(Path.of("C:\\Users\\clerk\\AppData\\Local", "ScanStation").toString());
        assertThat(StorePaths.keyHome("Windows 10", name -> null, "C:\\Users\\clerk").toString())
                .contains("AppData\\Local").doesNotContain("Roaming");
        assertThat(StorePaths.keyHome("Linux", Map.of("XDG_CONFIG_HOME", "/home/c/.config")::get, "/home/c"))
                .isEqualTo(Path.of("/home/c/.config/scanstation"));
    }
}
