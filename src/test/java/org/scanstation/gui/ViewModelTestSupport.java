package org.scanstation.gui;

import java.util.concurrent.Executor;

/** Executors for view-model tests: everything on the test's thread, in order. */
public final class ViewModelTestSupport {

    public static final Executor SAME_THREAD = Runnable::run;

    private ViewModelTestSupport() {
    }
}
