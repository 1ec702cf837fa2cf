package org.scanstation.doctor;

/** One thing {@link Doctor} checks. A check never throws: every problem is a {@link CheckResult}. */
public interface Check {

    CheckResult run();
}
