package org.scanstation.scan.driver.twain;

/** The TWAIN session states (TWAIN 2.4 specification, chapter 2); state 1 (nothing loaded) is before a session. */
enum TwainState {
    MANAGER_LOADED(2),
    MANAGER_OPEN(3),
    SOURCE_OPEN(4),
    SOURCE_ENABLED(5),
    TRANSFER_READY(6),
    TRANSFERRING(7);

    private final int number;

    TwainState(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    boolean atLeast(TwainState other) {
        return number >= other.number;
    }
}
