package org.scanstation.upload.cmis.testing;

/**
 * Runs the OpenCMIS InMemory server on 127.0.0.1 until killed, for manual tries and CI scripts:
 * {@code java -cp <test classpath> org.scanstation.upload.cmis.testing.LocalCmisServerMain [PORT]}.
 * Prints one line, the browser binding URL, to stdout once the server answers.
 */
public final class LocalCmisServerMain {

    private LocalCmisServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        InMemoryCmisServer server = new InMemoryCmisServer(port);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println(server.browserUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
