package org.scanstation.image;

/** Receives decoded pages one at a time, in order, as soon as each is decoded. */
@FunctionalInterface
public interface PageSink {

    /** @throws InterruptedException when the consumer was cancelled and loading should stop */
    void accept(PageLoadResult page) throws InterruptedException;
}
