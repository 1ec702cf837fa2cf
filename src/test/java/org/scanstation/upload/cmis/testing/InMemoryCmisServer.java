package org.scanstation.upload.cmis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.servlet.DispatcherType;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.webapp.WebAppContext;

/**
 * The real Apache Chemistry OpenCMIS InMemory server (repository {@code A1}) in embedded Jetty 9.4
 * on 127.0.0.1. The war comes from {@code target/cmis} (copied there by maven-dependency-plugin),
 * the system property {@code scanstation.cmis.war}, or the local Maven repository. On JDK 17 the SOAP
 * servlets are replaced by Jetty's DefaultServlet (they need javax.annotation, gone from the JDK).
 * A {@link FaultInjectionFilter} sits in front of every request so tests can inject 500s and delays.
 *
 * <p>{@link #shared()} starts one server per test JVM (2-5 s); tests isolate themselves by using
 * their own folder root. {@link #stop()}/{@link #start()} lose all content (it is in memory).
 */
public final class InMemoryCmisServer implements AutoCloseable {

    private static final String OVERRIDE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="http://java.sun.com/xml/ns/javaee" version="3.0">
              <servlet>
                <servlet-name>cmisws10</servlet-name>
                <servlet-class>org.eclipse.jetty.servlet.DefaultServlet</servlet-class>
              </servlet>
              <servlet>
                <servlet-name>cmisws11</servlet-name>
                <servlet-class>org.eclipse.jetty.servlet.DefaultServlet</servlet-class>
              </servlet>
            </web-app>
            """;
    private static InMemoryCmisServer shared;

    private final int requestedPort;
    private long idleTimeoutMillis = -1;
    private final FaultInjectionFilter faults = new FaultInjectionFilter();
    private Server server;
    private int port;
    private int tlsPort;
    private Path trustStore;
    private Path temp;

    public InMemoryCmisServer(int port) {
        this.requestedPort = port;
    }

    /** One started server for the whole test JVM, stopped when the JVM exits. */
    public static synchronized InMemoryCmisServer shared() {
        if (shared == null) {
            shared = new InMemoryCmisServer(0);
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /**
     * How long the server keeps an idle keep-alive connection before closing it (set before {@link #start()});
     * Apache httpd closes after 5 s by default, Jetty after 30 s.
     */
    public InMemoryCmisServer idleTimeout(java.time.Duration idle) {
        this.idleTimeoutMillis = idle.toMillis();
        return this;
    }

    public synchronized void start() {
        try {
            Path war = locateWar();
            temp = Files.createTempDirectory("scanstation-cmis-jetty");
            Path override = temp.resolve("override-web.xml");
            Files.writeString(override, OVERRIDE, StandardCharsets.UTF_8);
            server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port != 0 ? port : requestedPort);
            if (idleTimeoutMillis > 0) {
                connector.setIdleTimeout(idleTimeoutMillis);
            }
            server.addConnector(connector);
            ServerConnector tls = tlsConnector(temp);
            server.addConnector(tls);
            WebAppContext ctx = new WebAppContext();
            ctx.setWar(war.toString());
            ctx.setContextPath("/cmis");
            ctx.setTempDirectory(temp.resolve("work").toFile());
            ctx.setOverrideDescriptor(override.toString());
            ctx.addFilter(new FilterHolder(faults), "/*", EnumSet.of(DispatcherType.REQUEST));
            server.setHandler(ctx);
            server.setStopTimeout(500);
            server.start();
            if (ctx.getUnavailableException() != null) {
                throw new IllegalStateException("CMIS webapp failed to start", ctx.getUnavailableException());
            }
            port = connector.getLocalPort();
            tlsPort = tls.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the OpenCMIS InMemory server: " + e, e);
        }
    }

    /** Stops the server (keeps the port for a later {@link #start()}); content is lost. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            server = null;
        }
        deleteQuietly(temp);
        temp = null;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** The browser binding's service URL, e.g. {@code http://127.0.0.1:PORT/cmis/browser}. */
    public String browserUrl() {
        return "http://127.0.0.1:" + port + "/cmis/browser";
    }

    /** The browser binding over HTTPS (a self-signed certificate for 127.0.0.1, see {@link #trustStore()}). */
    public String httpsBrowserUrl() {
        return "https://127.0.0.1:" + tlsPort + "/cmis/browser";
    }

    /** A PKCS12 trust store (password {@code changeit}) holding the HTTPS connector's certificate. */
    public Path trustStore() {
        return trustStore;
    }

    /** An HTTPS connector with a fresh self-signed certificate made by the JDK's keytool. */
    private ServerConnector tlsConnector(Path dir) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.cer");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "cmis", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "cmis", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "cmis", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", "changeit");
        org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        ssl.setKeyStorePath(keyStore.toString());
        ssl.setKeyStorePassword("changeit");
        ssl.setKeyStoreType("PKCS12");
        org.eclipse.jetty.server.HttpConfiguration https = new org.eclipse.jetty.server.HttpConfiguration();
        https.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
        ServerConnector c = new ServerConnector(server,
                new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(https));
        c.setHost("127.0.0.1");
        c.setPort(tlsPort);
        return c;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }

    public FaultInjectionFilter faults() {
        return faults;
    }

    /** Finds the InMemory server war without it ever being committed. */
    public static Path locateWar() {
        String prop = System.getProperty("scanstation.cmis.war");
        List<Path> candidates = new java.util.ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("target", "cmis", "chemistry-opencmis-server-inmemory.war"));
        String repo = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        candidates.add(Path.of(repo, "org", "apache", "chemistry", "opencmis", "chemistry-opencmis-server-inmemory",
                "1.1.0", "chemistry-opencmis-server-inmemory-1.1.0.war"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new UncheckedIOException(new IOException("OpenCMIS InMemory war not found in " + candidates
                + "; run 'mvn generate-test-resources' first"));
    }
}
